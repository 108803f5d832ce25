package de.kuzmobil.api.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Conditional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import de.kuzmobil.data.demo.DemoDataConfig;

/**
 * With the demo data come two demo users (see README; change their passwords before real use); the
 * demo team lead leads every demo team. Existing users are never overwritten. Runs after the demo
 * data is loaded, so that the teams exist.
 */
@Component
@org.springframework.core.annotation.Order(DemoDataConfig.ORDER + 1)
@Conditional(DemoDataConfig.DemoWanted.class)
class DemoUsers implements ApplicationRunner {

    static final String DISPATCHER_USER = "dispatcher";
    static final String DISPATCHER_PASSWORD = "dispatcher-demo";
    static final String TEAM_LEAD_USER = "teamlead";
    static final String TEAM_LEAD_PASSWORD = "teamlead-demo";

    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;

    DemoUsers(JdbcClient jdbc, PasswordEncoder encoder) {
        this.jdbc = jdbc;
        this.encoder = encoder;
    }

    @Override
    public void run(ApplicationArguments args) {
        int created = add(DISPATCHER_USER, DISPATCHER_PASSWORD, SecurityConfig.DISPATCHER);
        if (add(TEAM_LEAD_USER, TEAM_LEAD_PASSWORD, SecurityConfig.TEAM_LEAD) > 0) {
            created++;
            jdbc.sql("insert into team_lead (username, team_id) select ?, id from team on conflict do nothing")
                    .param(TEAM_LEAD_USER).update();
        }
        if (created > 0) {
            log.warn("Demo users '{}' and '{}' created with the README's passwords: change them before real use",
                    DISPATCHER_USER, TEAM_LEAD_USER);
        }
    }

    private int add(String user, String password, String role) {
        return jdbc.sql("insert into app_user (username, password_hash, role) values (?, ?, ?) on conflict do nothing")
                .params(user, encoder.encode(password), role).update();
    }
}
