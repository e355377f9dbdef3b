# Field Service sync server + built PWA, for production behind docker-compose.yml (CouchDB 3).
# Build: docker build -t field-service .

# ---- build: install every dependency and build the PWA into app/dist ----
FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

# ---- runtime ----
FROM node:20-slim
WORKDIR /app
ENV NODE_ENV=production \
    PORT=8080 \
    HOST=0.0.0.0 \
    DATA_DIR=/app/data \
    APP_DIST=app/dist \
    NPM_CONFIG_UPDATE_NOTIFIER=false

# The server runs its TypeScript with tsx (a devDependency), so node_modules is kept whole.
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/app/dist ./app/dist
COPY package.json package-lock.json tsconfig.json ./
COPY shared ./shared
COPY sync-server ./sync-server

# Source stays root-owned and read-only to the service; only DATA_DIR is writable
# (unused with COUCHDB_URL set, but the embedded store would need it).
RUN mkdir -p /app/data && chown node:node /app/data
USER node

EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 8080) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

# package.json's `serve` script: the server with its Node flags, as `npm start` runs it.
CMD ["npm", "run", "--silent", "serve"]
