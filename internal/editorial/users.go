package editorial

import (
	"context"

	"warta/internal/auth"
	"warta/internal/domain"
	"warta/internal/store"
)

// CreateUser makes an account (admins only).
func (s *Service) CreateUser(ctx context.Context, by *domain.User, email, name string, role domain.Role, password string) (domain.User, error) {
	if err := auth.Require(by, auth.PermUsers); err != nil {
		return domain.User{}, err
	}
	return s.AddUser(ctx, email, name, role, password)
}

// AddUser makes an account without a permission check (the command line's
// `warta user add`, which runs with the operator's rights).
func (s *Service) AddUser(ctx context.Context, email, name string, role domain.Role, password string) (domain.User, error) {
	if !role.Valid() {
		return domain.User{}, domain.Invalid("peran %q tidak dikenal (admin, editor, writer, moderator)", role)
	}
	hash, err := auth.HashPassword(password)
	if err != nil {
		return domain.User{}, err
	}
	id, err := s.store.CreateUser(ctx, store.UserInput{Email: email, Name: name, Role: role, PasswordHash: hash})
	if err != nil {
		return domain.User{}, err
	}
	return s.store.UserByID(ctx, id)
}

// UserChange is a partial update of an account; nil fields stay.
type UserChange struct {
	Name     *string      `json:"name"`
	Role     *domain.Role `json:"role"`
	Disabled *bool        `json:"disabled"`
	Password *string      `json:"password"` // an admin resets it; the account's sessions end
	// RevokeTokens (default true) revokes the account's API tokens with a
	// password reset.
	RevokeTokens *bool `json:"revoke_tokens"`
}

// UpdateUser changes an account (admins only). The last enabled admin can be
// neither demoted nor disabled, so the newsroom never locks itself out.
func (s *Service) UpdateUser(ctx context.Context, by *domain.User, id int64, c UserChange) (domain.User, error) {
	if err := auth.Require(by, auth.PermUsers); err != nil {
		return domain.User{}, err
	}
	u, err := s.store.UserByID(ctx, id)
	if err != nil {
		return u, err
	}
	name, role, disabled := u.Name, u.Role, u.Disabled
	if c.Name != nil {
		name = *c.Name
	}
	if c.Role != nil {
		role = *c.Role
	}
	if c.Disabled != nil {
		disabled = *c.Disabled
	}
	if u.Role == domain.RoleAdmin && !u.Disabled && (role != domain.RoleAdmin || disabled) {
		n, err := s.store.CountAdmins(ctx)
		if err != nil {
			return u, err
		}
		if n <= 1 {
			return u, domain.Conflict("admin terakhir tidak boleh diturunkan atau dinonaktifkan")
		}
	}
	if err := s.store.UpdateUser(ctx, id, name, role, disabled); err != nil {
		return u, err
	}
	if c.Password != nil {
		hash, err := auth.HashPassword(*c.Password)
		if err != nil {
			return u, err
		}
		revoke := c.RevokeTokens == nil || *c.RevokeTokens
		if err := s.store.SetPasswordHash(ctx, id, hash, "", revoke); err != nil {
			return u, err
		}
	}
	return s.store.UserByID(ctx, id)
}

// MaxUpload is the largest upload accepted.
func (s *Service) MaxUpload() int64 {
	if s.media == nil || s.media.MaxBytes <= 0 {
		return 10 << 20
	}
	return s.media.MaxBytes
}
