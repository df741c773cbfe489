# Production-like image for docker-compose: gunicorn for the web, the same image for the worker.
FROM python:3.11-slim-bookworm

RUN apt-get update \
    && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-liberation \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY pyproject.toml ./
RUN pip install --no-cache-dir -e . 
COPY . .
# Collected as production serves them: hashed names and the manifest that DEBUG-off pages look up.
RUN DEBUG=false python manage.py collectstatic --noinput

RUN useradd --system --home /app joinedup && mkdir -p /app/var && chown -R joinedup /app/var
USER joinedup
EXPOSE 8000
CMD ["gunicorn", "collab.wsgi", "-c", "deploy/gunicorn.conf.py"]
