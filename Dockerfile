# syntax=docker/dockerfile:1
# Lastro in containers; docker-compose.yml runs it (docs/deploy.md). Two images from one file:
#   app   (the default target) the web process: Next.js "standalone" output, a traced server.js with
#         only the files it needs; portal webhooks go through the route handlers
#   tools the whole project, for what runs TypeScript scripts with tsx: the pipeline worker
#         (npm run worker), migrations and the demo (npm run db:prepare), the first admin (npm run setup)
# Both run as the image's non-root `node` user; data files (generated keys) live in /app/.data.

ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# bcrypt ships prebuilt binaries for glibc (node-gyp-build), so no compiler is needed here.
RUN npm ci --no-audit --no-fund

FROM deps AS build
ENV NEXT_TELEMETRY_DISABLED=1 NEXT_OUTPUT=standalone
COPY . .
RUN npm run build

FROM ${NODE_IMAGE} AS tools
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1
WORKDIR /app
COPY --from=build --chown=node:node /app /app
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node
# The worker writes .data/worker-heartbeat after each database ping (scripts/worker.ts); a one-shot
# command run from this image (migrations, setup) has no heartbeat and no healthcheck of its own.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "const f = '/app/.data/worker-heartbeat'; process.exit(Date.now() - require('fs').statSync(f).mtimeMs < 90000 ? 0 : 1)"]
CMD ["npm", "run", "worker"]

FROM ${NODE_IMAGE} AS app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0
WORKDIR /app
COPY --from=build --chown=node:node /app/.next/standalone ./
COPY --from=build --chown=node:node /app/.next/static ./.next/static
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3000/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "server.js"]
