# syntax=docker/dockerfile:1
# nianbao in a container. Two targets:
#   docker build -t nianbao .                   the bot (and the terminal interview without BOT_TOKEN)
#   docker build --target check -t nianbao-check .
#                                               the whole test suite with LibreOffice and CJK fonts,
#                                               which check that the .docx files open as Word files;
#                                               the bot itself writes .docx without LibreOffice.
# Reports live in the /data volume; configuration comes from the environment (docker run
# --env-file .env, or compose's env_file). test/deploy/dockerfile.test.ts runs these steps without Docker.

ARG NODE_IMAGE=node:20-slim

FROM ${NODE_IMAGE} AS app
ENV NODE_ENV=production \
    DATA_DIR=/data \
    HOST=0.0.0.0 \
    PORT=8080 \
    HEALTH_PORT=8081
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY bin ./bin
COPY locales ./locales
COPY scripts ./scripts
COPY src ./src
RUN node scripts/build.mjs
# The image's own user ("node", uid 1000) owns only the data folder.
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
# 8080: webhook (WEBHOOK_URL set) with /healthz beside it; 8081: /healthz while long polling.
EXPOSE 8080 8081
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s CMD ["node", "scripts/healthcheck.mjs"]
CMD ["node", "dist/main.js"]

FROM ${NODE_IMAGE} AS check
USER root
RUN apt-get update \
 && apt-get install -y --no-install-recommends libreoffice-writer-nogui fonts-noto-cjk poppler-utils \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
ENV NIANBAO_REQUIRE_SOFFICE=1
CMD ["npm", "test"]
