namespace UsmpCare.Web.Data;

/// <summary>
/// Reads that may be a few seconds behind: the activity reports, the dashboards, the audit search and their CSV
/// exports. With <c>ConnectionStrings:Replica</c> set they go to a PostgreSQL streaming replica, so a year's report
/// does not compete with the nurses' writes on the primary (issue #22 point 5, docs/operations.md); without it, to the
/// primary. Read-only either way: nothing is tracked, and a hot standby refuses any write itself.
/// Not for what a rule hangs on: the FHIR export reads the patient's agreement (P20, P30) on the primary, since a
/// replica that lags could let a summary leave after the patient withdrew it.
/// </summary>
public sealed class ReportingDb(AppDbContext primary, ReplicaOptions replica) : IAsyncDisposable
{
    private AppDbContext? _replica;

    public AppDbContext Db => replica.Options is { } options ? _replica ??= new AppDbContext(options) : primary;

    /// <summary>True when reads go to the replica (shown on the pages that use it, and checked by the tests).</summary>
    public bool OnReplica => replica.Options is not null;

    public ValueTask DisposeAsync() => _replica?.DisposeAsync() ?? ValueTask.CompletedTask;
}

/// <summary>The replica's DbContext options, built once: the same setup as the primary's, over the replica's string.</summary>
public sealed class ReplicaOptions(IConfiguration configuration)
{
    public DbContextOptions<AppDbContext>? Options { get; } = configuration.GetConnectionString("Replica") is { Length: > 0 } replica
        ? ((DbContextOptionsBuilder<AppDbContext>)Database.Configure(new DbContextOptionsBuilder<AppDbContext>(), replica)
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)).Options
        : null;
}
