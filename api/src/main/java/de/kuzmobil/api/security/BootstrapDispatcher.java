package de.kuzmobil.api.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * A deployment without demo data needs a first dispatcher to log in with: set
 * {@code KUZMOBIL_BOOTSTRAP_DISPATCHER_USER} and {@code ..._PASSWORD}; the user is created once,
 * never overwritten.
 */
@Component
class BootstrapDispatcher implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapDispatcher.class);

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final String user;
    private final String password;

    BootstrapDispatcher(JdbcClient jdbc, PasswordEncoder encoder,
                        @Value("${kuzmobil.bootstrap.dispatcher-user}") String user,
                        @Value("${kuzmobil.bootstrap.dispatcher-password}") String password) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.user = user;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (user.isBlank() || password.isBlank()) {
            return;
        }
        int created = jdbc.sql("insert into app_user (username, password_hash, role) values (?, ?, 'DISPATCHER')"
                        + " on conflict do nothing")
                .params(user, encoder.encode(password)).update();
        if (created > 0) {
            log.info("Dispatcher '{}' created from kuzmobil.bootstrap settings", user);
        }
    }
}
