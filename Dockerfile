# seccheck in a small image: `docker build -t seccheck .`, then
# `docker run --rm -v "$PWD:/work" -w /work seccheck corpus/`.
FROM rust:1.88-slim-bookworm AS build
WORKDIR /src
COPY . .
RUN cargo build --release --locked --bin seccheck

FROM debian:bookworm-slim
COPY --from=build /src/target/release/seccheck /usr/local/bin/seccheck
ENTRYPOINT ["seccheck"]
CMD ["corpus/"]
