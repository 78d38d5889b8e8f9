// Package ads is the operator's ad network setting (issue 14): which named
// network, if any, the reader pages may load, the hosts its scripts, frames
// and images come from (what the Content-Security-Policy must allow), and
// the markup of one of its units. Admins place units in named slots (see
// domain.AdSlot); they never paste a network's script: a slot holds a unit
// id that Warta checks and writes into markup of its own.
package ads

import (
	"fmt"
	"html/template"
	"regexp"
	"strings"
)

// AdSense is Google AdSense, the one network Warta knows. Google Ad Manager
// (GPT) is not offered: Google supports it only under a nonce-based CSP,
// which cached pages shared by every reader cannot carry (docs/security.md).
const AdSense = "adsense"

// Network is the ad network the operator enabled (--ad-network); the zero
// value is none: no network markup, and the CSP stays as strict as ever.
type Network struct {
	Name   string // AdSense, or "" for none
	Client string // the publisher id, e.g. "ca-pub-1234567890123456"
}

var adsenseClient = regexp.MustCompile(`^ca-pub-[0-9]{10,20}$`)

// Parse reads the --ad-network value: "" (none) or
// "adsense:ca-pub-NNNNNNNNNNNNNNNN".
func Parse(v string) (Network, error) {
	v = strings.TrimSpace(v)
	if v == "" {
		return Network{}, nil
	}
	name, client, _ := strings.Cut(v, ":")
	if name != AdSense {
		return Network{}, fmt.Errorf("--ad-network: unknown ad network %q (the one known is adsense:ca-pub-…)", name)
	}
	if !adsenseClient.MatchString(client) {
		return Network{}, fmt.Errorf("--ad-network: AdSense needs the publisher id, e.g. adsense:ca-pub-1234567890123456, not %q", client)
	}
	return Network{Name: name, Client: client}, nil
}

// On reports whether a network is enabled.
func (n Network) On() bool { return n.Name != "" }

// Label names the network for the newsroom.
func (n Network) Label() string {
	if n.Name == AdSense {
		return "Google AdSense (" + n.Client + ")"
	}
	return ""
}

// The hosts Google AdSense loads from, by CSP directive: its loader and the
// scripts it pulls, the frames ads render in, their images and the
// requests its scripts make (ad traffic quality checks included). Google
// may add hosts; they are listed here, once, and docs/security.md says so.
var adsenseHosts = map[string][]string{
	"script-src": {"https://pagead2.googlesyndication.com", "https://tpc.googlesyndication.com",
		"https://partner.googleadservices.com", "https://www.googletagservices.com", "https://adservice.google.com",
		"https://fundingchoicesmessages.google.com", "https://ep2.adtrafficquality.google"},
	"frame-src": {"https://googleads.g.doubleclick.net", "https://tpc.googlesyndication.com", "https://www.google.com",
		"https://fundingchoicesmessages.google.com", "https://ep2.adtrafficquality.google"},
	"img-src": {"https://pagead2.googlesyndication.com", "https://tpc.googlesyndication.com",
		"https://googleads.g.doubleclick.net", "https://www.google.com", "https://ep1.adtrafficquality.google"},
	"connect-src": {"https://pagead2.googlesyndication.com", "https://googleads.g.doubleclick.net",
		"https://fundingchoicesmessages.google.com", "https://ep1.adtrafficquality.google"},
}

// Hosts returns the hosts the network needs, by CSP directive (nil when
// none is enabled). The caller must not change them.
func (n Network) Hosts() map[string][]string {
	if n.Name == AdSense {
		return adsenseHosts
	}
	return nil
}

// ScriptURL is the network's loader, put once in the <head> of a page that
// shows one of its units.
func (n Network) ScriptURL() string {
	if n.Name == AdSense {
		return "https://pagead2.googlesyndication.com/pagead/js/adsbygoogle.js?client=" + n.Client
	}
	return ""
}

var adsenseUnit = regexp.MustCompile(`^[0-9]{1,20}$`)

// CheckUnit refuses a unit id the network would not know (AdSense: the
// digits of data-ad-slot), with an Indonesian message.
func (n Network) CheckUnit(unit string) error {
	switch {
	case !n.On():
		return fmt.Errorf("belum ada jaringan iklan yang diaktifkan operator server (--ad-network): pilih iklan sendiri (HTML) atau kosongkan slot")
	case n.Name == AdSense && !adsenseUnit.MatchString(unit):
		return fmt.Errorf("ID unit iklan AdSense harus berupa angka (data-ad-slot), misalnya 1234567890, bukan %q", unit)
	}
	return nil
}

// Unit is the markup of one unit, for a unit id CheckUnit accepted (it
// gives "" for any other); warta.js asks the network to fill it.
func (n Network) Unit(unit string) template.HTML {
	if n.CheckUnit(unit) != nil {
		return ""
	}
	// Both values passed their patterns: digits, letters and dashes only.
	return template.HTML(`<ins class="adsbygoogle" data-ad-client="` + n.Client + `" data-ad-slot="` + unit +
		`" data-ad-format="auto" data-full-width-responsive="true"></ins>`)
}
