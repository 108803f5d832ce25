package de.kuzmobil.api.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bodies sent to the API are UTF-8 and bounded: CSV up to {@code max-csv-bytes}, anything else up to
 * {@code max-json-bytes}. The body is refused as it is read (a declared length at once, an unannounced
 * one when the limit is passed), so the refusal becomes a problem document like every other error:
 * 413 for too large, 415 for another charset.
 */
@Component
class RequestBodies extends OncePerRequestFilter {

    /** A body this service does not read; the status to answer with. */
    static final class Refused extends IOException {
        final HttpStatus status;

        Refused(HttpStatus status, String message) {
            super(message);
            this.status = status;
        }
    }

    private final long maxJson;
    private final long maxCsv;

    RequestBodies(@Value("${kuzmobil.limits.max-json-bytes}") long maxJson,
                  @Value("${kuzmobil.limits.max-csv-bytes}") long maxCsv) {
        this.maxJson = maxJson;
        this.maxCsv = maxCsv;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        MediaType type = null;
        try {
            type = request.getContentType() == null ? null : MediaType.parseMediaType(request.getContentType());
        } catch (InvalidMediaTypeException e) {
            // Spring MVC answers it as an unsupported media type
        }
        boolean csv = type != null && (type.isCompatibleWith(MediaType.valueOf("text/csv"))
                || type.isCompatibleWith(MediaType.TEXT_PLAIN));
        chain.doFilter(new Bounded(request, type, csv ? maxCsv : maxJson), response);
    }

    private static final class Bounded extends HttpServletRequestWrapper {
        private final MediaType type;
        private final long limit;

        Bounded(HttpServletRequest request, MediaType type, long limit) {
            super(request);
            this.type = type;
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (type != null && type.getCharset() != null && !StandardCharsets.UTF_8.equals(type.getCharset())) {
                throw new Refused(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "bodies are read as UTF-8 only, not "
                        + type.getCharset().name());
            }
            if (getContentLengthLong() > limit) {
                throw new Refused(HttpStatus.CONTENT_TOO_LARGE, tooLarge());
            }
            ServletInputStream in = super.getInputStream();
            return new ServletInputStream() {
                private long read;

                @Override
                public int read() throws IOException {
                    int b = in.read();
                    count(b < 0 ? 0 : 1);
                    return b;
                }

                @Override
                public int read(byte[] buffer, int off, int len) throws IOException {
                    int n = in.read(buffer, off, len);
                    count(Math.max(n, 0));
                    return n;
                }

                private void count(int n) throws Refused {
                    read += n;
                    if (read > limit) {
                        throw new Refused(HttpStatus.CONTENT_TOO_LARGE, tooLarge());
                    }
                }

                @Override
                public boolean isFinished() {
                    return in.isFinished();
                }

                @Override
                public boolean isReady() {
                    return in.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    in.setReadListener(listener);
                }
            };
        }

        @Override
        public BufferedReader getReader() throws IOException {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        private String tooLarge() {
            return "the body is larger than " + limit + " bytes, the most this endpoint reads";
        }
    }
}
