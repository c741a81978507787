package com.aiassistants.professionals.demo;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.aiassistants.common.scheduling.ProfessionalsTools.WorkingRange;
import com.aiassistants.professionals.ProfessionalsProperties;
import com.aiassistants.professionals.catalog.ServiceCatalog;
import com.aiassistants.professionals.directory.ProfessionalDirectory;
import com.aiassistants.professionals.directory.ProfessionalRepository;
import com.aiassistants.professionals.schedule.Schedules;

/**
 * A Spanish-speaking demo clinic loaded at startup into {@code ai-assistants.professionals.demo-tenant}
 * when that property is set and the tenant has no professionals yet, so restarts (and several
 * instances starting together, serialised by an advisory lock) load it once. Ids are fixed so other
 * modules' demos and tests can refer to them.
 */
@Component
public class DemoClinic implements ApplicationRunner {

    public static final String TIME_ZONE = "America/Argentina/Buenos_Aires";
    public static final String PRO_PEREZ = "pro-perez";
    public static final String PRO_GOMEZ = "pro-gomez";
    public static final String PRO_FERNANDEZ = "pro-fernandez";
    public static final String SVC_LIMPIEZA = "svc-limpieza";
    public static final String SVC_CONSULTA_ODONTOLOGICA = "svc-consulta-odontologica";
    public static final String SVC_CONSULTA_CLINICA = "svc-consulta-clinica";
    public static final String SVC_KINESIOLOGIA = "svc-kinesiologia";

    private static final Logger log = LoggerFactory.getLogger(DemoClinic.class);
    private static final String ARS = "ARS";

    private final ProfessionalsProperties properties;
    private final ProfessionalRepository professionalRepository;
    private final ProfessionalDirectory directory;
    private final ServiceCatalog catalog;
    private final Schedules schedules;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;

    public DemoClinic(ProfessionalsProperties properties, ProfessionalRepository professionalRepository,
            ProfessionalDirectory directory, ServiceCatalog catalog, Schedules schedules,
            TransactionTemplate transactions, JdbcClient jdbc) {
        this.properties = properties;
        this.professionalRepository = professionalRepository;
        this.directory = directory;
        this.catalog = catalog;
        this.schedules = schedules;
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.demoTenant() != null) {
            load(properties.demoTenant());
        }
    }

    /** Loads the clinic into the tenant unless it already has professionals; true when it loaded. */
    public boolean load(String tenant) {
        Boolean loaded = transactions.execute(status -> {
            jdbc.sql("select pg_advisory_xact_lock(hashtext('professionals-demo:' || :tenant))")
                    .param("tenant", tenant).query().singleRow();
            if (professionalRepository.any(tenant)) {
                return false;
            }
            insert(tenant);
            return true;
        });
        if (Boolean.TRUE.equals(loaded)) {
            log.info("loaded the demo clinic into tenant {}", tenant);
        } else {
            log.info("tenant {} already has professionals; demo clinic not loaded", tenant);
        }
        return Boolean.TRUE.equals(loaded);
    }

    private void insert(String tenant) {
        schedules.saveSettings(tenant, TIME_ZONE);

        directory.createWithId(tenant, PRO_PEREZ, "Dra. María Pérez", "Odontología", "Salud bucal",
                "maria.perez@clinica-demo.example", "+5491155550101");
        directory.createWithId(tenant, PRO_GOMEZ, "Dr. Juan Gómez", "Clínica médica", "Medicina general",
                "juan.gomez@clinica-demo.example", "+5491155550102");
        directory.createWithId(tenant, PRO_FERNANDEZ, "Lic. Laura Fernández", "Kinesiología", "Rehabilitación",
                "laura.fernandez@clinica-demo.example", "+5491155550103");

        catalog.createWithId(tenant, SVC_LIMPIEZA, "Limpieza dental", "Limpieza y control odontológico", 45, 15,
                new BigDecimal("35000.00"), ARS, List.of(PRO_PEREZ));
        catalog.createWithId(tenant, SVC_CONSULTA_ODONTOLOGICA, "Consulta odontológica",
                "Primera consulta o control con odontología", 30, 0, new BigDecimal("25000.00"), ARS,
                List.of(PRO_PEREZ));
        catalog.createWithId(tenant, SVC_CONSULTA_CLINICA, "Consulta clínica", "Consulta de clínica médica", 30, 0,
                new BigDecimal("30000.00"), ARS, List.of(PRO_GOMEZ));
        catalog.createWithId(tenant, SVC_KINESIOLOGIA, "Sesión de kinesiología", "Sesión de rehabilitación", 60, 0,
                new BigDecimal("20000.00"), ARS, List.of(PRO_FERNANDEZ));

        // Pérez: Mon-Fri 09-13 and 14-18 (lunch gap)
        schedules.setWorkingHours(tenant, PRO_PEREZ, weekdays(range("09:00", "13:00"), range("14:00", "18:00")));
        // Gómez: Mon-Fri 10-18 and Saturday morning 09-13
        List<WorkingRange> gomez = new ArrayList<>(weekdays(range("10:00", "18:00")));
        gomez.add(new WorkingRange(SATURDAY, LocalTime.parse("09:00"), LocalTime.parse("13:00")));
        schedules.setWorkingHours(tenant, PRO_GOMEZ, gomez);
        // Fernández: Mon-Fri 14-20
        schedules.setWorkingHours(tenant, PRO_FERNANDEZ, weekdays(range("14:00", "20:00")));
    }

    private record LocalRange(LocalTime start, LocalTime end) {
    }

    private static LocalRange range(String start, String end) {
        return new LocalRange(LocalTime.parse(start), LocalTime.parse(end));
    }

    private static List<WorkingRange> weekdays(LocalRange... ranges) {
        List<WorkingRange> result = new ArrayList<>();
        for (DayOfWeek day : List.of(MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY)) {
            for (LocalRange range : ranges) {
                result.add(new WorkingRange(day, range.start(), range.end()));
            }
        }
        return result;
    }
}
