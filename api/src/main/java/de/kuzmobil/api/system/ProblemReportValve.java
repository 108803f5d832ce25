package de.kuzmobil.api.system;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Errors Tomcat answers itself, before any servlet (a URL it refuses, an unparseable request), as
 * problem documents too instead of its HTML page.
 */
public class ProblemReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0) {
            return;
        }
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String title = status < 500 ? "Bad request" : "Server error";
        try (Writer out = response.getReporter()) {
            if (out != null) {
                out.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                        + ",\"detail\":\"The server refused the request before reading it (for example an encoded "
                        + "slash or a null byte in the path)\"}");
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response committed meanwhile: nothing more to say
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Install {
        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReports() {
            return factory -> factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof org.apache.catalina.core.StandardHost host) {
                    host.setErrorReportValveClass(ProblemReportValve.class.getName());
                }
            });
        }
    }
}
