package de.kuzmobil.api.system;

import de.kuzmobil.api.system.ProblemHandler.FieldError;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Query parameters follow the same text rules as bodies ({@link InputRules}), checked before any
 * handler reads them: type conversion would otherwise trim a control character away unseen.
 */
@Configuration(proxyBeanMethods = false)
class QueryRules implements WebMvcConfigurer, HandlerInterceptor {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        List<FieldError> errors = new ArrayList<>();
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            for (String value : parameter.getValue()) {
                String problem = InputRules.textProblem(value);
                if (problem != null) {
                    errors.add(new FieldError(InputRules.quote(parameter.getKey(), 60), problem));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new BadRequestException("Invalid query parameter", errors);
        }
        return true;
    }
}
