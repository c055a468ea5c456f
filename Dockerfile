# Build stage: the official Swift image, libpq headers.
FROM swift:6.0-bookworm AS build
RUN apt-get update && apt-get install -y --no-install-recommends pkg-config libpq-dev && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY Package.swift ./
COPY Sources ./Sources
COPY Tests ./Tests
RUN swift build -c release --product nafidha --static-swift-stdlib \
 && install -D .build/release/nafidha /out/nafidha

# Run stage: a slim Debian with the libpq runtime only.
FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends libpq5 ca-certificates tzdata curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home /nonexistent nafidha
COPY --from=build /out/nafidha /usr/local/bin/nafidha
USER nafidha
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --retries=3 CMD curl -fsS http://127.0.0.1:8080/healthz || exit 1
ENTRYPOINT ["/usr/local/bin/nafidha"]
CMD ["serve", "--listen", "0.0.0.0:8080"]
