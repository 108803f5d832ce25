package de.kuzmobil.api.security;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Users and their bcrypt hashes live in the app_user table. */
@Service
class DatabaseUsers implements UserDetailsService {

    private final JdbcClient jdbc;

    DatabaseUsers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return jdbc.sql("select username, password_hash, role, enabled from app_user where username = ?")
                .param(username)
                .query((rs, n) -> User.withUsername(rs.getString(1)).password(rs.getString(2))
                        .roles(rs.getString(3)).disabled(!rs.getBoolean(4)).build())
                .optional().orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }
}
