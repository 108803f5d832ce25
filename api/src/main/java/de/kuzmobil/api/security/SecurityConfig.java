package de.kuzmobil.api.security;

import static org.springframework.http.HttpMethod.GET;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Who may do what, and how they say who they are. People sign in with a form and a session cookie
 * (the pages under /dispatch/); scripts send HTTP Basic with every request. Dispatchers: everything.
 * Team leads: read plans, adjust visits, re-optimise. Anonymous: the sign-in page, the citizens'
 * public endpoints, the list of sites and service types (public places and services), health and
 * API docs. State-changing requests that a browser could send from another site need the CSRF token
 * ({@link CsrfRequired}).
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    static final String DISPATCHER = "DISPATCHER";
    static final String TEAM_LEAD = "TEAM_LEAD";

    @Bean
    SecurityFilterChain web(HttpSecurity http, ProblemAuthHandlers problems) throws Exception {
        // the token sits in a cookie the pages read (XSRF-TOKEN) and send back as a header or form field
        CookieCsrfTokenRepository tokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
        tokens.setCookieCustomizer(c -> c.sameSite("Lax"));
        http.csrf(c -> c.csrfTokenRepository(tokens).csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(new CsrfRequired()))
                .addFilterAfter(new CsrfCookieFilter(), BasicAuthenticationFilter.class)
                // sessions come from the sign-in form only; a script's Basic credentials hold for its request
                .httpBasic(b -> b.authenticationEntryPoint(problems)
                        .securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/dispatch/", false)
                        .failureUrl("/login?error").permitAll())
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout").deleteCookies("SESSION"))
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                PathPatternRequestMatcher.withDefaults().matcher("/dispatch/**"))
                        .defaultAuthenticationEntryPointFor(problems,
                                PathPatternRequestMatcher.withDefaults().matcher("/**"))
                        .accessDeniedHandler(problems))
                .authorizeHttpRequests(a -> {
                    a.requestMatchers("/actuator/health/**", "/actuator/health", "/v3/api-docs/**", "/swagger-ui/**",
                                    "/swagger-ui.html", "/error").permitAll()
                            .requestMatchers(GET, "/", "/index.html", "/login", "/login.html", "/css/**", "/js/**",
                                    "/webjars/**", "/favicon.ico").permitAll()
                            .requestMatchers("/dispatch/**").hasAnyRole(DISPATCHER, TEAM_LEAD);
                    for (ApiAccess.Rule rule : ApiAccess.RULES) {
                        var matcher = rule.method() == null ? a.requestMatchers(rule.pattern())
                                : a.requestMatchers(rule.method(), rule.pattern());
                        if (rule.open()) {
                            matcher.permitAll();
                        } else {
                            matcher.hasAnyRole(rule.roles().toArray(String[]::new));
                        }
                    }
                    a.anyRequest().denyAll();
                });
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }
}
