package de.kuzmobil.api.pages;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The pages are static files (no Node build); these paths show them without ".html". */
@Configuration(proxyBeanMethods = false)
public class PagesConfig implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/login").setViewName("forward:/login.html");
        registry.addViewController("/dispatch").setViewName("redirect:/dispatch/");
        registry.addViewController("/dispatch/").setViewName("forward:/dispatch/index.html");
    }
}
