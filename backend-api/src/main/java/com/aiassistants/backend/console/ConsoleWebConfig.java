package com.aiassistants.backend.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.PathResourceResolver;

import com.aiassistants.backend.BackendProperties;

/**
 * Serves the built console ({@code admin-frontend/dist}) from {@code ai-assistants.backend.console.dir},
 * on the API's own origin (so the console's API calls and WebSockets need no CORS): hashed
 * {@code assets/*} cached for a year as immutable, everything else ({@code index.html},
 * {@code config.json}) {@code no-cache}; any other browser path falls back to {@code index.html} (the
 * console routes on the client), except the API's own prefixes, which stay 404 problems.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${ai-assistants.backend.console.dir:}' != ''")
public class ConsoleWebConfig implements WebMvcConfigurer {

    private static final Logger log = LoggerFactory.getLogger(ConsoleWebConfig.class);
    private static final String[] NOT_THE_CONSOLE = {"v1/", "v3/", "swagger-ui", "actuator", "health"};

    private final Path dir;

    public ConsoleWebConfig(BackendProperties properties) {
        this.dir = Path.of(properties.console().dir()).toAbsolutePath().normalize();
        if (!Files.isRegularFile(dir.resolve("index.html"))) {
            log.warn("console dir {} has no index.html: build admin-frontend first (npm ci && npm run build)", dir);
        } else {
            log.info("serving the console from {}", dir);
        }
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        String location = dir.toUri().toString();
        registry.addResourceHandler("/assets/**").addResourceLocations(location + "assets/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
        registry.addResourceHandler("/**").addResourceLocations(location)
                .setCacheControl(CacheControl.noCache())
                .resourceChain(false)
                .addResolver(new SpaFallback());
    }

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        // the resource handler ignores an empty path
        registry.addViewController("/").setViewName("forward:/index.html");
    }

    /** A file of the console when it exists, else {@code index.html} for the console's own routes. */
    private final class SpaFallback extends PathResourceResolver {

        @Override
        protected Resource getResource(String resourcePath, Resource location) throws IOException {
            Resource file = super.getResource(resourcePath, location);
            if (file != null) {
                return file;
            }
            for (String prefix : NOT_THE_CONSOLE) {
                if (resourcePath.startsWith(prefix)) {
                    return null;
                }
            }
            Resource index = new FileSystemResource(dir.resolve("index.html"));
            return index.isReadable() ? index : null;
        }
    }
}
