# Build stage: the Maven wrapper needs only a JDK.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -DskipTests -pl api -am package

# Runtime stage: a JRE and the application jar, run as an unprivileged user.
FROM eclipse-temurin:17-jre
# /data/graph-cache and /data/osm exist (owned by the app user) so named volumes mounted there are writable
RUN useradd --system --uid 10001 --home-dir /app kuzmobil && mkdir -p /app /data/graph-cache /data/osm \
    && chown -R kuzmobil /app /data
WORKDIR /app
COPY --from=build /src/api/target/kuz-mobil-api-*.jar /app/kuz-mobil.jar
USER kuzmobil
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/kuz-mobil.jar"]
