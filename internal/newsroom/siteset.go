package newsroom

import (
	"io"
	"net/http"
	"sort"
	"strconv"
	"strings"

	"warta/internal/auth"
	"warta/internal/domain"
	"warta/internal/editorial"
)

// The site's look and ad slots on /redaksi/pengaturan (issue 14): each
// section is its own form, told apart by its "section" field; the article
// slot's form (no section) is handled by saveSettings as before.

// lookForm is what the look sections of the settings page show.
type lookForm struct {
	Look        domain.SiteLook
	MenuAll     bool
	Channels    []menuChannel
	MenuLinks   []menuLinkRow
	FooterLinks []domain.Link // with empty rows to fill
	Slots       []adSlotRow
	Network     string // the ad network the operator enabled, "" for none
}

type menuChannel struct {
	domain.Category
	On    bool
	Order int
}

type menuLinkRow struct {
	domain.Link
	Order int
}

type adSlotRow struct {
	Name, Label string
	domain.AdSlot
	Positioned bool // the slot has a position (article: after paragraph N; list: every N)
}

// blankRows is how many empty rows the menu and footer link tables offer.
const blankRows = 3

func (u *UI) lookForm(r *http.Request, p *auth.Principal) (lookForm, error) {
	ctx := r.Context()
	l, err := u.ed.SiteLook(ctx, &p.User)
	if err != nil {
		return lookForm{}, err
	}
	cats, err := u.ed.Categories(ctx, &p.User)
	if err != nil {
		return lookForm{}, err
	}
	f := lookForm{Look: l, MenuAll: l.Menu == nil, Network: u.ed.AdNetwork().Label()}
	pos := map[int64]int{}
	for i, m := range l.Menu {
		if m.CategoryID != 0 {
			pos[m.CategoryID] = i + 1
		} else {
			f.MenuLinks = append(f.MenuLinks, menuLinkRow{Link: domain.Link{Label: m.Label, URL: m.URL}, Order: i + 1})
		}
	}
	for i, c := range cats {
		mc := menuChannel{Category: c, Order: pos[c.ID]}
		if l.Menu == nil {
			mc.On, mc.Order = true, i+1
		} else if mc.Order > 0 {
			mc.On = true
		} else {
			mc.Order = len(l.Menu) + i + 1
		}
		f.Channels = append(f.Channels, mc)
	}
	for range blankRows {
		f.MenuLinks = append(f.MenuLinks, menuLinkRow{})
		f.FooterLinks = append(f.FooterLinks, domain.Link{})
	}
	f.FooterLinks = append(l.FooterLinks, f.FooterLinks...)
	slots, err := u.ed.AdSlots(ctx, &p.User)
	if err != nil {
		return lookForm{}, err
	}
	for _, name := range domain.AdSlots {
		row := adSlotRow{Name: name, Label: editorial.AdSlotLabel(name), AdSlot: slots[name],
			Positioned: name == domain.AdArticle || name == domain.AdList}
		if row.Every == 0 && name == domain.AdArticle {
			row.Every = editorial.DefaultArticleAdAfter
		} else if row.Every == 0 && name == domain.AdList {
			row.Every = editorial.DefaultListAdEvery
		}
		f.Slots = append(f.Slots, row)
	}
	return f, nil
}

// saveLook handles the look and ad sections of the settings page; handled
// reports whether the form was one of them.
func (u *UI) saveLook(w http.ResponseWriter, r *http.Request, p *auth.Principal) (handled bool, err error) {
	ctx := r.Context()
	switch r.PostFormValue("section") {
	case "":
		return false, nil
	case "identitas":
		name, tagline := r.PostFormValue("site_name"), r.PostFormValue("tagline")
		if r.PostFormValue("remove_logo") == "1" {
			if err := u.ed.RemoveLogo(ctx, &p.User); err != nil {
				return true, err
			}
		} else if data, err := u.logoUpload(r); err != nil {
			return true, err
		} else if data != nil {
			if _, err := u.ed.SetLogo(ctx, &p.User, data); err != nil {
				return true, err
			}
		}
		_, err = u.ed.SetSiteLook(ctx, &p.User, editorial.LookChange{Name: &name, Tagline: &tagline})
	case "menu":
		all := r.PostFormValue("menu_all") == "1"
		menu := menuFromForm(r)
		_, err = u.ed.SetSiteLook(ctx, &p.User, editorial.LookChange{AllChannels: &all, Menu: &menu})
	case "kaki":
		text := r.PostFormValue("footer_text")
		var links []domain.Link
		for i := 0; i < editorial.MaxFooterLinks+blankRows; i++ {
			k := strconv.Itoa(i)
			label, url := strings.TrimSpace(r.PostFormValue("footer_label_"+k)), strings.TrimSpace(r.PostFormValue("footer_url_"+k))
			if label != "" || url != "" {
				links = append(links, domain.Link{Label: label, URL: url})
			}
		}
		_, err = u.ed.SetSiteLook(ctx, &p.User, editorial.LookChange{FooterText: &text, FooterLinks: &links})
	case "iklan":
		in := map[string]domain.AdSlot{}
		for _, name := range domain.AdSlots {
			every, _ := strconv.Atoi(r.PostFormValue("ad_every_" + name))
			in[name] = domain.AdSlot{Kind: r.PostFormValue("ad_kind_" + name), HTML: r.PostFormValue("ad_html_" + name),
				Unit: r.PostFormValue("ad_unit_" + name), Every: every}
		}
		_, err = u.ed.SetAdSlots(ctx, &p.User, in)
	default:
		return true, domain.Invalid("bagian pengaturan %q tidak dikenal", r.PostFormValue("section"))
	}
	if err != nil {
		return true, err
	}
	// Back to the section just saved, with the notice.
	http.Redirect(w, r, "/redaksi/pengaturan?ok=tersimpan#"+r.PostFormValue("section"), http.StatusSeeOther)
	return true, nil
}

// menuFromForm reads the menu table: the channels ticked and the extra
// links filled, in the order their numbers give (ties keep the table's).
func menuFromForm(r *http.Request) []editorial.MenuEntry {
	type ranked struct {
		e     editorial.MenuEntry
		order int
	}
	var rows []ranked
	for _, slug := range r.PostForm["menu_cat"] {
		order, _ := strconv.Atoi(r.PostFormValue("menu_order_" + slug))
		rows = append(rows, ranked{editorial.MenuEntry{Category: slug}, order})
	}
	for i := 0; i < editorial.MaxMenuItems+blankRows; i++ {
		k := strconv.Itoa(i)
		label, url := strings.TrimSpace(r.PostFormValue("link_label_"+k)), strings.TrimSpace(r.PostFormValue("link_url_"+k))
		if label == "" && url == "" {
			continue
		}
		order, _ := strconv.Atoi(r.PostFormValue("link_order_" + k))
		rows = append(rows, ranked{editorial.MenuEntry{Label: label, URL: url}, order})
	}
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].order < rows[j].order })
	menu := []editorial.MenuEntry{}
	for _, x := range rows {
		menu = append(menu, x.e)
	}
	return menu
}

// logoUpload reads the logo file sent with the identity form, nil when
// none was chosen.
func (u *UI) logoUpload(r *http.Request) ([]byte, error) {
	if r.MultipartForm == nil || len(r.MultipartForm.File["logo_file"]) == 0 {
		return nil, nil
	}
	fh := r.MultipartForm.File["logo_file"][0]
	if fh.Size == 0 {
		return nil, nil
	}
	if fh.Size > u.ed.MaxUpload() {
		return nil, domain.Errorf(domain.ETooLarge, "gambar terlalu besar: paling besar %d MB", u.ed.MaxUpload()>>20)
	}
	file, err := fh.Open()
	if err != nil {
		return nil, domain.Invalid("berkas logo tidak terbaca")
	}
	defer file.Close()
	data, err := io.ReadAll(file)
	if err != nil {
		return nil, domain.Invalid("berkas logo tidak terbaca")
	}
	return data, nil
}
