using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace UsmpCare.Web.Infrastructure;

/// <summary>
/// Readiness: one <c>SELECT 1</c> on a fresh session, failing within two seconds. It deliberately bypasses EF Core's
/// retrying execution strategy: pages ride out a database restart by retrying, but a load balancer must learn at
/// once that this instance cannot serve, and learn it again as soon as it can.
/// </summary>
public sealed class DatabaseReadiness(IConfiguration configuration) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var builder = new NpgsqlConnectionStringBuilder(Database.ConnectionString(configuration)) { Timeout = 2, CommandTimeout = 2, Pooling = false };
        try
        {
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            // The reason goes to the log line of the probe, never to the anonymous caller.
            return HealthCheckResult.Unhealthy("base de données injoignable", e);
        }
    }
}
