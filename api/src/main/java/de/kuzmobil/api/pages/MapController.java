package de.kuzmobil.api.pages;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where the pages' maps get their background tiles. Empty URL: no tiles, tours and stops on a plain
 * background (offline use, tests). OpenStreetMap's own tile servers are for light use only; a city
 * deployment should name its own tile server here.
 */
@Tag(name = "Pages", description = "Settings the pages need")
@RestController
public class MapController {

    /** {@code tileUrl} in Leaflet's form ({z}/{x}/{y}); empty when no tiles are used. */
    public record MapSettings(String tileUrl, String attribution) {
    }

    private final MapSettings settings;

    public MapController(@Value("${kuzmobil.map.tile-url}") String tileUrl,
                         @Value("${kuzmobil.map.attribution}") String attribution) {
        this.settings = new MapSettings(tileUrl.trim(), attribution.trim());
    }

    @Operation(operationId = "mapSettings", summary = "The pages' map tiles and attribution",
            description = "The tile URL and attribution the pages' maps use; an empty URL means no background tiles.")
    @GetMapping("/api/v1/public/map")
    public MapSettings map() {
        return settings;
    }
}
