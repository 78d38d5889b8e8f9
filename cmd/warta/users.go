package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"

	"warta/internal/auth"
	"warta/internal/domain"
	"warta/internal/editorial"
	"warta/internal/render"
)

// readPassword reads a password: from a prompt without echo when stdin is a
// terminal, else the first line of stdin. Never from a flag, where it would
// end up in the shell history and the process list.
func readPassword(stdin io.Reader, stderr io.Writer, prompt string) (string, error) {
	if f, ok := stdin.(*os.File); ok {
		if fi, err := f.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
			fmt.Fprint(stderr, prompt)
			off := exec.Command("stty", "-echo")
			off.Stdin = f
			if err := off.Run(); err == nil {
				defer func() {
					on := exec.Command("stty", "echo")
					on.Stdin = f
					on.Run()
					fmt.Fprintln(stderr)
				}()
			}
		}
	}
	line, err := bufio.NewReader(stdin).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", fmt.Errorf("read password: %w", err)
	}
	pw := strings.TrimRight(line, "\r\n")
	if pw == "" {
		return "", errors.New("no password given (type it at the prompt, or pipe it on standard input)")
	}
	return pw, nil
}

const userUsage = `Usage:
  warta user add --email EMAIL --name NAME --role admin|editor|writer|moderator [--db DB]
                 create a newsroom account; the password comes from a prompt or stdin
  warta user list [--db DB]
                 list newsroom accounts
`

// isHelp tells whether a sub-command's first word asks for help.
func isHelp(arg string) bool {
	return arg == "-h" || arg == "-help" || arg == "--help" || arg == "help"
}

func cmdUser(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, userUsage)
		return errors.New("say which: add or list")
	}
	if isHelp(args[0]) {
		fmt.Fprint(stdout, userUsage)
		return flag.ErrHelp
	}
	if args[0] != "add" && args[0] != "list" {
		fmt.Fprint(stderr, userUsage)
		return fmt.Errorf("unknown user command %q", args[0])
	}
	fs := flag.NewFlagSet("user "+args[0], flag.ContinueOnError)
	fs.SetOutput(stderr)
	var c common
	c.register(fs)
	email := fs.String("email", "", "e-mail address (the login)")
	name := fs.String("name", "", "full name, also the byline")
	role := fs.String("role", "writer", "admin, editor, writer or moderator")
	st, err := c.parseAndOpen(ctx, fs, args[1:])
	if err != nil {
		return err
	}
	defer st.Close()
	switch args[0] {
	case "add":
		if *email == "" || *name == "" {
			return errors.New("--email and --name are required")
		}
		if !domain.Role(*role).Valid() {
			return fmt.Errorf("unknown role %q (admin, editor, writer, moderator)", *role)
		}
		pw, err := readPassword(stdin, stderr, "Password: ")
		if err != nil {
			return err
		}
		u, err := editorial.New(st, render.New(), nil).AddUser(ctx, *email, *name, domain.Role(*role), pw)
		if err != nil {
			return errors.New(domain.ErrorMessage(err))
		}
		fmt.Fprintf(stdout, "user %d created: %s <%s>, role %s\n", u.ID, u.Name, u.Email, u.Role)
		return nil
	case "list":
		users, err := st.Users(ctx)
		if err != nil {
			return err
		}
		for _, u := range users {
			state := ""
			if u.Disabled {
				state = " (disabled)"
			}
			fmt.Fprintf(stdout, "%d\t%s\t%s\t%s%s\n", u.ID, u.Email, u.Role, u.Name, state)
		}
		return nil
	}
	return fmt.Errorf("unknown user command %q", args[0])
}

const tokenUsage = `Usage:
  warta token create --email EMAIL [--name NAME] [--db DB]
                 print a new admin API token (alone on the last line; shown only once)
  warta token list [--db DB]
                 list admin API tokens: id, account, name, active or revoked
  warta token revoke ID [--db DB]
                 revoke an admin API token
`

func cmdToken(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, tokenUsage)
		return errors.New("say which: create, list or revoke")
	}
	if isHelp(args[0]) {
		fmt.Fprint(stdout, tokenUsage)
		return flag.ErrHelp
	}
	if args[0] != "create" && args[0] != "list" && args[0] != "revoke" {
		fmt.Fprint(stderr, tokenUsage)
		return fmt.Errorf("unknown token command %q", args[0])
	}
	fs := flag.NewFlagSet("token "+args[0], flag.ContinueOnError)
	fs.SetOutput(stderr)
	var c common
	c.register(fs)
	email := fs.String("email", "", "account the token acts for")
	name := fs.String("name", "cli", "a label to recognise the token by")
	st, err := c.parseAndOpen(ctx, fs, args[1:])
	if err != nil {
		return err
	}
	defer st.Close()
	switch args[0] {
	case "create":
		if *email == "" {
			return errors.New("--email is required")
		}
		u, err := st.UserByEmail(ctx, *email)
		if err != nil {
			return fmt.Errorf("no account %s", *email)
		}
		tok, id, err := auth.New(auth.Config{}, st).CreateToken(ctx, u.ID, *name)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "token %d for %s (%s); it is shown only once, revoke it with: warta token revoke %d\n", id, u.Email, u.Role, id)
		fmt.Fprintln(stdout, tok)
		return nil
	case "list":
		list, err := st.APITokens(ctx, 0)
		if err != nil {
			return err
		}
		for _, t := range list {
			state := "active"
			if !t.RevokedAt.IsZero() {
				state = "revoked"
			}
			fmt.Fprintf(stdout, "%d\t%s\t%s\t%s\n", t.ID, t.UserEmail, t.Name, state)
		}
		return nil
	case "revoke":
		if fs.NArg() != 1 {
			return errors.New("usage: warta token revoke ID")
		}
		id, err := strconv.ParseInt(fs.Arg(0), 10, 64)
		if err != nil {
			return fmt.Errorf("bad token id %q", fs.Arg(0))
		}
		if err := st.RevokeAPIToken(ctx, id); err != nil {
			return errors.New(domain.ErrorMessage(err))
		}
		fmt.Fprintf(stdout, "token %d revoked\n", id)
		return nil
	}
	return fmt.Errorf("unknown token command %q", args[0])
}
