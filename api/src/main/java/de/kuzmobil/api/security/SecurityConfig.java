package de.kuzmobil.api.security;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may do what. Dispatchers: everything. Team leads: read plans, adjust visits, re-optimise.
 * Anonymous: the citizens' public endpoints, the list of sites and service types (public places
 * and services), health and API docs.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    static final String DISPATCHER = "DISPATCHER";
    static final String TEAM_LEAD = "TEAM_LEAD";

    @Bean
    SecurityFilterChain api(HttpSecurity http, ProblemAuthHandlers problems) throws Exception {
        http.csrf(AbstractHttpConfigurer::disable) // stateless Basic-auth API, no cookies
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(b -> b.authenticationEntryPoint(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/api/v1/public/**", "/actuator/health/**", "/actuator/health",
                                "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/error").permitAll()
                        .requestMatchers(GET, "/api/v1/sites/**", "/api/v1/service-types/**").permitAll()
                        .requestMatchers(GET, "/api/v1/plans/**").hasAnyRole(DISPATCHER, TEAM_LEAD)
                        .requestMatchers(PATCH, "/api/v1/plans/*/visits/*").hasAnyRole(DISPATCHER, TEAM_LEAD)
                        .requestMatchers(POST, "/api/v1/plans/*/reoptimize").hasAnyRole(DISPATCHER, TEAM_LEAD)
                        .requestMatchers(DELETE, "/api/v1/plans/*/solving").hasRole(DISPATCHER)
                        .requestMatchers("/api/v1/**").hasRole(DISPATCHER)
                        .anyRequest().denyAll());
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }
}
