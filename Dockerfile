# The REB Twente werklocaties-dashboard as a container image: Debian slim, the README's install, a non-root user.
# Build: docker build -t reb-twente-dashboard .      Run: docker run -p 8501:8501 reb-twente-dashboard
# The data (data/) is baked in; the workspace database and the login come from the environment / a mounted
# secrets file (see deploy/k8s/ and the README, "Productie").
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app

# jemalloc: the allocator that hands a closed session's memory back best (deploy/start_app.py, bench_geheugen);
# linked where start_app.py looks first, whatever the architecture's folder
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends libjemalloc2 \
    && rm -rf /var/lib/apt/lists/* \
    && ln -s /usr/lib/*/libjemalloc.so.2 /usr/local/lib/libjemalloc.so.2

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
# the warm-up the Kubernetes postStart hook runs (deploy/k8s/deployment.yaml) and the launcher with the memory
# settings (deploy/start_app.py)
COPY deploy/opwarmen.py deploy/start_app.py deploy/

# An ordinary user; ./static (layer files the app publishes) and ./var (the default SQLite workspace) writable
RUN useradd --create-home --uid 10001 reb \
    && mkdir -p /app/static /app/var \
    && chown -R reb:reb /app/static /app/var
USER 10001

EXPOSE 8501
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import urllib.request,sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=4).status == 200 else 1)"]

CMD ["python", "deploy/start_app.py", "streamlit", "run", "app.py", "--server.port", "8501", "--server.address", "0.0.0.0"]
