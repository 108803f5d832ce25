package de.kuzmobil.data.demand;

import static org.assertj.core.api.Assertions.assertThat;

import de.kuzmobil.data.servicetype.ServiceTypeRecord;
import de.kuzmobil.data.servicetype.ServiceTypeRepository;
import de.kuzmobil.data.site.SiteRecord;
import de.kuzmobil.data.site.SiteRepository;
import de.kuzmobil.data.testdb.TestDatabase;
import de.kuzmobil.data.testdb.TestSchema;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DemandRepositoryTest {

    static TestSchema db;
    static DemandRepository demand;
    static long siteId;

    @BeforeAll
    static void setUp() {
        db = TestDatabase.freshSchema();
        new ServiceTypeRepository(db.jdbc()).save(new ServiceTypeRecord("ID_CARD", "ID card", 15, "biometric"));
        siteId = new SiteRepository(db.jdbc()).save(new SiteRecord(null, "Neuwerk", "ISLAND", "Hamburg-Mitte", null,
                53.921111, 8.500556, 20, List.of(), List.of(), "test", null)).id();
        demand = new DemandRepository(db.jdbc());
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @Test
    void findsDemandOverlappingAWeek() {
        DemandRecord inWeek = demand.save(new DemandRecord(null, siteId, "ID_CARD", 4,
                LocalDate.of(2026, 12, 9), LocalDate.of(2026, 12, 9), 5, "island"));
        DemandRecord spanning = demand.save(new DemandRecord(null, siteId, "ID_CARD", 2,
                LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31), 3, null));
        demand.save(new DemandRecord(null, siteId, "ID_CARD", 2,
                LocalDate.of(2026, 12, 14), LocalDate.of(2026, 12, 18), 3, null));

        assertThat(demand.findOverlapping(LocalDate.of(2026, 12, 7), LocalDate.of(2026, 12, 11)))
                .extracting(DemandRecord::id).containsExactly(inWeek.id(), spanning.id());
        assertThat(demand.find(inWeek.id())).contains(inWeek);
    }
}
