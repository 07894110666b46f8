package io.elicitor.api;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The pages' one route that is not a file: {@code /admin} redirects to the dashboard at {@code /admin/} (a static
 * page, like the one at {@code /}; both are served from {@code META-INF/resources}).
 */
@ApplicationScoped
public class PageRoutes {
    void routes(@Observes Router router) {
        // Vert.x matches "/admin/" to this route too: only the bare path redirects.
        router.get("/admin").order(-1).handler(rc -> {
            if ("/admin".equals(rc.request().path())) {
                rc.redirect("/admin/");
            } else {
                rc.next();
            }
        });
    }
}
