package de.kuzmobil.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** kuz-mobil: weekly tours for Hamburg's mobile citizen-service teams. */
@SpringBootApplication(scanBasePackages = "de.kuzmobil")
@EnableScheduling
public class KuzMobilApplication {

    public static void main(String[] args) {
        SpringApplication.run(KuzMobilApplication.class, args);
    }
}
