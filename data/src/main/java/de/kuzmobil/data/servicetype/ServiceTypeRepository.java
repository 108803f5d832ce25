package de.kuzmobil.data.servicetype;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ServiceTypeRepository {

    private final JdbcClient jdbc;

    public ServiceTypeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<ServiceTypeRecord> findAll() {
        return jdbc.sql("select code, name, minutes, skill from service_type order by code")
                .query(ServiceTypeRecord.class).list();
    }

    public Optional<ServiceTypeRecord> find(String code) {
        return jdbc.sql("select code, name, minutes, skill from service_type where code = ?")
                .param(code).query(ServiceTypeRecord.class).optional();
    }

    /** Inserts or replaces by code. */
    public void save(ServiceTypeRecord t) {
        jdbc.sql("""
                insert into service_type (code, name, minutes, skill) values (?, ?, ?, ?)
                on conflict (code) do update set name = excluded.name, minutes = excluded.minutes,
                                                 skill = excluded.skill""")
                .params(t.code(), t.name(), t.minutes(), t.skill()).update();
    }

    public boolean delete(String code) {
        return jdbc.sql("delete from service_type where code = ?").param(code).update() > 0;
    }
}
