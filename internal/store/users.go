package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"warta/internal/domain"
)

const userCols = `u.id, u.email, u.name, u.role, COALESCE(u.author_id, 0), u.disabled, u.password_hash, u.created_at`

func scanUser(row rowScanner) (domain.User, error) {
	var u domain.User
	var role string
	err := row.Scan(&u.ID, &u.Email, &u.Name, &role, &u.AuthorID, &u.Disabled, &u.PasswordHash, &u.CreatedAt)
	u.Role = domain.Role(role)
	return u, err
}

// NormalizeEmail is how e-mail addresses are compared: trimmed, lowercase.
func NormalizeEmail(email string) string { return strings.ToLower(strings.TrimSpace(email)) }

// UserInput describes a new account. PasswordHash is already hashed.
type UserInput struct {
	Email        string
	Name         string
	Role         domain.Role
	PasswordHash string
}

// CreateUser stores an account together with the byline (author) it writes
// under, and returns its id. A taken e-mail address is a conflict.
func (s *Store) CreateUser(ctx context.Context, in UserInput) (int64, error) {
	in.Email = NormalizeEmail(in.Email)
	in.Name = strings.TrimSpace(in.Name)
	if !strings.Contains(in.Email, "@") || len(in.Email) > 254 {
		return 0, domain.Invalid("alamat email tidak valid")
	}
	if in.Name == "" {
		return 0, domain.Invalid("nama wajib diisi")
	}
	if !in.Role.Valid() {
		return 0, domain.Invalid("peran %q tidak dikenal", in.Role)
	}
	if in.PasswordHash == "" {
		return 0, domain.Invalid("kata sandi wajib diisi")
	}
	var id int64
	err := s.Tx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, s.q("SELECT COUNT(*) FROM users WHERE email = ?"), in.Email).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return domain.Conflict("email %s sudah terdaftar", in.Email)
		}
		authorID, err := s.ensureAuthor(ctx, tx, in.Name)
		if err != nil {
			return err
		}
		now := s.Now()
		id, err = s.insertID(ctx, tx, `INSERT INTO users (email, name, role, password_hash, author_id, disabled, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, FALSE, ?, ?)`, in.Email, in.Name, string(in.Role), in.PasswordHash, nullID(authorID), now, now)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("create user: %w", err)
	}
	return id, nil
}

// ensureAuthor returns the id of the author whose slug matches name,
// creating the author when missing.
func (s *Store) ensureAuthor(ctx context.Context, ex execer, name string) (int64, error) {
	slug := domain.Slugify(name)
	if slug == "" {
		return 0, nil
	}
	if _, err := ex.ExecContext(ctx, s.q("INSERT INTO authors (slug, name, bio) VALUES (?, ?, '') ON CONFLICT (slug) DO NOTHING"), slug, strings.TrimSpace(name)); err != nil {
		return 0, fmt.Errorf("ensure author: %w", err)
	}
	var id int64
	if err := ex.QueryRowContext(ctx, s.q("SELECT id FROM authors WHERE slug = ?"), slug).Scan(&id); err != nil {
		return 0, fmt.Errorf("ensure author: %w", err)
	}
	return id, nil
}

// EnsureAuthors returns the ids of the authors named (by name or slug),
// creating the missing ones.
func (s *Store) EnsureAuthors(ctx context.Context, names []string) ([]int64, error) {
	var ids []int64
	seen := map[int64]bool{}
	for _, n := range names {
		id, err := s.ensureAuthor(ctx, s.w, n)
		if err != nil {
			return nil, err
		}
		if id != 0 && !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	return ids, nil
}

// UserByID returns one account.
func (s *Store) UserByID(ctx context.Context, id int64) (domain.User, error) {
	u, err := scanUser(s.r.QueryRowContext(ctx, s.q("SELECT "+userCols+" FROM users u WHERE u.id = ?"), id))
	if errors.Is(err, sql.ErrNoRows) {
		return u, domain.NotFound("pengguna tidak ditemukan")
	}
	if err != nil {
		return u, fmt.Errorf("get user: %w", err)
	}
	return u, nil
}

// UserByEmail returns one account by its e-mail address.
func (s *Store) UserByEmail(ctx context.Context, email string) (domain.User, error) {
	u, err := scanUser(s.r.QueryRowContext(ctx, s.q("SELECT "+userCols+" FROM users u WHERE u.email = ?"), NormalizeEmail(email)))
	if errors.Is(err, sql.ErrNoRows) {
		return u, domain.NotFound("pengguna tidak ditemukan")
	}
	if err != nil {
		return u, fmt.Errorf("get user: %w", err)
	}
	return u, nil
}

// Users lists every account by name.
func (s *Store) Users(ctx context.Context) ([]domain.User, error) {
	rows, err := s.r.QueryContext(ctx, "SELECT "+userCols+" FROM users u ORDER BY u.name, u.id")
	if err != nil {
		return nil, fmt.Errorf("list users: %w", err)
	}
	defer rows.Close()
	var list []domain.User
	for rows.Next() {
		u, err := scanUser(rows)
		if err != nil {
			return nil, fmt.Errorf("list users: %w", err)
		}
		list = append(list, u)
	}
	return list, rows.Err()
}

// UpdateUser changes an account's name, role and disabled flag. Disabling an
// account ends its sessions and API tokens at once.
func (s *Store) UpdateUser(ctx context.Context, id int64, name string, role domain.Role, disabled bool) error {
	name = strings.TrimSpace(name)
	if name == "" {
		return domain.Invalid("nama wajib diisi")
	}
	if !role.Valid() {
		return domain.Invalid("peran %q tidak dikenal", role)
	}
	err := s.Tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, s.q("UPDATE users SET name = ?, role = ?, disabled = ?, updated_at = ? WHERE id = ?"),
			name, string(role), disabled, s.Now(), id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return domain.NotFound("pengguna tidak ditemukan")
		}
		if disabled {
			if _, err := tx.ExecContext(ctx, s.q("DELETE FROM sessions WHERE user_id = ?"), id); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, s.q("UPDATE api_tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL"), s.Now(), id); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("update user: %w", err)
	}
	return nil
}

// SetPasswordHash replaces an account's password hash and ends its other
// sessions (keepSession, a session id hash, survives; "" ends all). With
// revokeTokens the account's API tokens are revoked in the same step, so a
// leaked password's tokens die with it.
func (s *Store) SetPasswordHash(ctx context.Context, id int64, hash, keepSession string, revokeTokens bool) error {
	err := s.Tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, s.q("UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?"), hash, s.Now(), id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return domain.NotFound("pengguna tidak ditemukan")
		}
		if _, err = tx.ExecContext(ctx, s.q("DELETE FROM sessions WHERE user_id = ? AND id <> ?"), id, keepSession); err != nil {
			return err
		}
		if revokeTokens {
			_, err = tx.ExecContext(ctx, s.q("UPDATE api_tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL"), s.Now(), id)
		}
		return err
	})
	if err != nil {
		return fmt.Errorf("set password: %w", err)
	}
	return nil
}

// CountAdmins counts enabled admin accounts (the last one may not be demoted).
func (s *Store) CountAdmins(ctx context.Context) (int, error) {
	var n int
	err := s.r.QueryRowContext(ctx, "SELECT COUNT(*) FROM users WHERE role = 'admin' AND disabled = FALSE").Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("count admins: %w", err)
	}
	return n, nil
}
