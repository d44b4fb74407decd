# UsmpCare web application image.
#   docker build -t usmpcare .
#   docker run --rm -e ConnectionStrings__Default='Host=…;Database=usmpcare;Username=…;Password=…' usmpcare migrate
#   docker run -d -p 127.0.0.1:5080:8080 -e ConnectionStrings__Default='…' usmpcare
# See docker-compose.yml and docs/operations.md. Not built on the development machine (no Docker engine there).

# global.json asks for SDK 10.0.400 or a later 10.0 feature band. If the floating sdk:10.0 tag ever carries an
# older band, pin one: docker build --build-arg SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0.4xx …
ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0
ARG RUNTIME_IMAGE=mcr.microsoft.com/dotnet/aspnet:10.0

FROM ${SDK_IMAGE} AS build
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    DOTNET_NOLOGO=1
WORKDIR /src

# Restore first, from the files that decide it (central package management), so this layer stays cached until a
# package or a project reference changes.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/UsmpCare.Domain/UsmpCare.Domain.csproj src/UsmpCare.Domain/
COPY src/UsmpCare.Documents/UsmpCare.Documents.csproj src/UsmpCare.Documents/
COPY src/UsmpCare.Web/UsmpCare.Web.csproj src/UsmpCare.Web/
RUN dotnet restore src/UsmpCare.Web/UsmpCare.Web.csproj

COPY src/ src/
RUN dotnet publish src/UsmpCare.Web/UsmpCare.Web.csproj -c Release -o /app --no-restore -p:UseAppHost=false

# The default aspnet:10.0 image is Ubuntu 24.04 ("noble"; .NET 10 images no longer ship on Debian). It includes
# ICU (libicu) and tzdata: UsmpCare needs both, since it builds with InvariantGlobalization=false for the fr-FR
# culture and converts times to Europe/Paris. Do not switch to a "chiseled" variant without its "-extra" flavour,
# which is the one that keeps ICU and tzdata.
FROM ${RUNTIME_IMAGE} AS runtime
WORKDIR /app
# ASPNETCORE_HTTP_PORTS (8080 in the base image) is cleared so Kestrel does not warn that ASPNETCORE_URLS
# overrides it. The app converts to Europe/Paris itself (Infrastructure/Fr.cs); TZ makes anything that still uses
# the server's local time agree with it.
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_HTTP_PORTS="" \
    ASPNETCORE_ENVIRONMENT=Production \
    DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    TZ=Europe/Paris

COPY --from=build /app ./
# AGPL-3.0-or-later: the licence travels with the binaries.
COPY LICENSE ./

# Non-root: the aspnet images define the 'app' user and its uid in APP_UID.
USER $APP_UID
EXPOSE 8080

# No HEALTHCHECK: the image has no curl or wget. Probe GET /health/live (process up) and GET /health/ready
# (database reachable) from the orchestrator or the reverse proxy instead (docs/operations.md).
#
# Commands, given as arguments after the image name (or as `command:` in compose):
#   migrate    applies the EF Core migrations, then exits (never done silently at start-up)
#   seed-demo  demo units and accounts; refused outside the Development environment
#   --help     every command (create-admin, verify-audit, import-movements, export-fhir…), in French; exit codes 0/1/2
# Without arguments the web server starts. Outside Development it refuses to start while demo accounts exist.
ENTRYPOINT ["dotnet", "UsmpCare.Web.dll"]
