# syntax=docker/dockerfile:1
# Talka in one image: the app and the server are built with every dependency
# in the first stage; the second holds the built app, the compiled server and
# the runtime packages only, and runs as the unprivileged `node` user.
#
# Node is the version .nvmrc names. Base images are pinned by version and by
# the digest that github.com/docker-library/repo-info records for that tag; to
# update, take the tag's new digest from there (repos/node/remote/<tag>.md) or
# from `docker buildx imagetools inspect node:<tag>`.

FROM node:22.23.3-bookworm-slim@sha256:43ac6c60b8f89723f746e8a92ce91abd5017e627ce1ddfe4238355d3a30b772c AS build
# No compilers needed: better-sqlite3 ships its binaries for Linux x64 and arm64 in its package.
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:22.23.3-bookworm-slim@sha256:43ac6c60b8f89723f746e8a92ce91abd5017e627ce1ddfe4238355d3a30b772c
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=8080 \
    DATA_DIR=/data
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/build/server ./build/server
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
USER node
EXPOSE 8080
# Unwell when the database or the data folder stops taking writes (see /api/health).
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.PORT + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
STOPSIGNAL SIGTERM
# Node itself is PID 1 and handles SIGTERM: it finishes requests in flight and exits within 10 s.
CMD ["node", "build/server/main.js"]
