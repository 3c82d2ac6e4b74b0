# The REB Twente werklocaties-dashboard as a container image: Debian slim, the README's install, a non-root user.
# Build: docker build -t reb-twente-dashboard .      Run: docker run -p 8501:8501 reb-twente-dashboard
# The data (data/) is baked in; the workspace database and the login come from the environment / a mounted
# secrets file (see deploy/k8s/ and the README, "Productie").
FROM python:3.11-slim-bookworm

# MALLOC_ARENA_MAX: two malloc arenas instead of 16 keep less freed memory per closed session (README, bench_geheugen)
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    MALLOC_ARENA_MAX=2 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app

# The same pinned requirements as `make run`
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt

COPY app.py pyproject.toml ./
COPY .streamlit/config.toml .streamlit/config.toml
COPY app_pages/ app_pages/
COPY ui/ ui/
COPY reb_maps/ reb_maps/
COPY data/ data/
COPY assets/ assets/
# the warm-up the Kubernetes postStart hook runs (deploy/k8s/deployment.yaml)
COPY deploy/opwarmen.py deploy/opwarmen.py

# An ordinary user; ./static (layer files the app publishes) and ./var (the default SQLite workspace) writable
RUN useradd --create-home --uid 10001 reb \
    && mkdir -p /app/static /app/var \
    && chown -R reb:reb /app/static /app/var
USER 10001

EXPOSE 8501
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import urllib.request,sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=4).status == 200 else 1)"]

CMD ["streamlit", "run", "app.py", "--server.port", "8501", "--server.address", "0.0.0.0"]
