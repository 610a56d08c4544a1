# One image per service: docker build --build-arg SERVICE=command-side (or query-side) .
FROM eclipse-temurin:17-jdk AS build
ARG SERVICE
WORKDIR /src
COPY . .
RUN ./mvnw -B -ntp -q -DskipTests package \
 && mkdir -p /out \
 && cp "${SERVICE}/target/${SERVICE}-"*"-exec.jar" /out/app.jar

FROM eclipse-temurin:17-jre
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 unionledger
USER unionledger
WORKDIR /app
COPY --from=build /out/app.jar /app/app.jar
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
