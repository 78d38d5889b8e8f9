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

// MayManageUsers says whether by may manage accounts (the newsroom's
// accounts page takes no action otherwise).
func (s *Service) MayManageUsers(by *domain.User) error { return auth.Require(by, auth.PermUsers) }

// Users lists the accounts (admins only).
func (s *Service) Users(ctx context.Context, by *domain.User) ([]domain.User, error) {
	if err := auth.Require(by, auth.PermUsers); err != nil {
		return nil, err
	}
	return s.store.Users(ctx)
}

// User returns an account: one's own, or any for admins.
func (s *Service) User(ctx context.Context, by *domain.User, id int64) (domain.User, error) {
	if by == nil || id != by.ID {
		if err := auth.Require(by, auth.PermUsers); err != nil {
			return domain.User{}, err
		}
	}
	return s.store.UserByID(ctx, id)
}

// Tokens lists API tokens: one's own, or everyone's for admins.
func (s *Service) Tokens(ctx context.Context, by *domain.User) ([]domain.APIToken, error) {
	if by == nil || by.Disabled {
		return nil, auth.Require(by, auth.PermUsers)
	}
	uid := by.ID
	if auth.Can(by.Role, auth.PermUsers) {
		uid = 0
	}
	return s.store.APITokens(ctx, uid)
}

// CreateToken makes an API token for userID (one's own; admins: anyone's)
// and returns it in clear, the only time it is seen.
func (s *Service) CreateToken(ctx context.Context, by *domain.User, userID int64, name string) (string, domain.APIToken, error) {
	if _, err := s.User(ctx, by, userID); err != nil {
		return "", domain.APIToken{}, err
	}
	tok, id, err := auth.CreateToken(ctx, s.store, userID, name)
	if err != nil {
		return "", domain.APIToken{}, err
	}
	t, err := s.store.APIToken(ctx, id)
	return tok, t, err
}

// RevokeToken revokes an API token: one's own, or any for admins.
func (s *Service) RevokeToken(ctx context.Context, by *domain.User, id int64) error {
	t, err := s.store.APIToken(ctx, id)
	if err != nil {
		return err
	}
	if by == nil || t.UserID != by.ID {
		if err := auth.Require(by, auth.PermUsers); err != nil {
			return err
		}
	}
	return s.store.RevokeAPIToken(ctx, id)
}
