package de.kuzmobil.routing.graph;

import com.graphhopper.config.Profile;
import com.graphhopper.json.Statement;
import com.graphhopper.util.CustomModel;
import com.graphhopper.util.GHUtility;

import java.util.Locale;

/**
 * Vehicle profiles as GraphHopper custom models. Both start from GraphHopper's own {@code car.json}
 * (access and average speed from OSM tags, distance_influence 90), so an upgrade of GraphHopper
 * that changes that model changes {@link #definition()} and with it the cache directory.
 */
public enum VehicleProfile {

    /** GraphHopper's car model unchanged. */
    CAR("car", null),

    /**
     * A van of the mobile teams (equipment on board, under 3.5 t): car rules with a lower top
     * speed, which matters on the Autobahn and the trunk roads out to the Vier- und Marschlande.
     */
    VAN("van", 90);

    /** Encoded values the car model reads; stored in the graph, so part of the cache key too. */
    public static final String ENCODED_VALUES = "car_access, car_average_speed, road_access";

    private final String profileName;
    private final Integer topSpeedKmh;

    VehicleProfile(String profileName, Integer topSpeedKmh) {
        this.profileName = profileName;
        this.topSpeedKmh = topSpeedKmh;
    }

    public static VehicleProfile byName(String name) {
        for (VehicleProfile p : values()) {
            if (p.profileName.equals(name.trim().toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown vehicle profile '" + name + "' (car or van)");
    }

    public String profileName() {
        return profileName;
    }

    public CustomModel customModel() {
        CustomModel model = new CustomModel(GHUtility.loadCustomModelFromJar("car.json"));
        if (topSpeedKmh != null) {
            model.addToSpeed(Statement.If("true", Statement.Op.LIMIT, String.valueOf(topSpeedKmh)));
        }
        return model;
    }

    public Profile ghProfile() {
        return new Profile(profileName).setCustomModel(customModel());
    }

    /** Everything that determines edge weights and times; hashed into the graph version. */
    public String definition() {
        return profileName + "|" + ENCODED_VALUES + "|" + customModel();
    }
}
