# One image for the api, worker, simulator and CLI; the api serves the console built here.
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY apps/web/package.json apps/web/package-lock.json apps/web/
RUN npm ci --prefix apps/web --no-audit --no-fund
COPY . .
RUN npm run build && npm run build --prefix apps/web
ENV NODE_ENV=production TZ=Asia/Shanghai
EXPOSE 3000
CMD ["npm", "run", "start:api"]
