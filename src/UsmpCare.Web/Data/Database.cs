namespace UsmpCare.Web.Data;

public static class Database
{
    public static string ConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString("Default")
        ?? throw new InvalidOperationException(
            "ConnectionStrings:Default est absent : lancez ./run.sh ou définissez ConnectionStrings__Default.");

    /// <summary>The one DbContext setup, shared by the app, the commands and the tests.</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString) => options
        .UseNpgsql(WithSessionSettings(connectionString),
            npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history", "core")
            // A database restart costs failed attempts while it is down, not a lost request (issue « faults »).
            .EnableRetryOnFailure(maxRetryCount: 3))
        .UseSnakeCaseNamingConvention()
        .AddInterceptors(Infrastructure.TextLengthGuard.Instance);

    /// <summary>
    /// The app's session settings, added to the configured connection string.
    /// Patient search tolerates one wrong or extra letter in a name (« Lefevbre » finds « Lefèvre »): pg_trgm's
    /// word-similarity threshold is lowered from 0.6 to 0.5 for the app's sessions, so the GIN index still serves.
    /// </summary>
    public static string WithSessionSettings(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (builder.Options?.Contains("word_similarity_threshold", StringComparison.Ordinal) != true)
        {
            builder.Options = ((builder.Options ?? "") + " -c pg_trgm.word_similarity_threshold=0.5").Trim();
        }
        // Statements a connection sends again and again (the session check, the unit switcher, each page's queries)
        // are prepared on the server after their second use: PostgreSQL then skips parsing and planning them, which
        // on the generated hospital cost as much as executing them (issue #9, docs/performance.md). An explicit
        // « Max Auto Prepare » in the configured string wins.
        if (builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = 200;
            builder.AutoPrepareMinUsages = 2;
        }
        return builder.ConnectionString;
    }
}
