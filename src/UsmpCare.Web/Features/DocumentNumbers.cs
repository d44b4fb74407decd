using Microsoft.EntityFrameworkCore;
using Npgsql;
using UsmpCare.Web.Data;

namespace UsmpCare.Web.Features;

/// <summary>Issued documents are numbered from one PostgreSQL sequence: unique even under concurrent issue.</summary>
public static class DocumentNumbers
{
    public static async Task<long> NextAsync(AppDbContext db)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync();
        }
        await using var command = new NpgsqlCommand("SELECT nextval('documents.document_number_seq')", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
