FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build
ENV NODE_ENV=production TZ=Asia/Shanghai
EXPOSE 3000
CMD ["npm", "run", "start:api"]
