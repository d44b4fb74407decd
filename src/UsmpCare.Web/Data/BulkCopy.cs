using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace UsmpCare.Web.Data;

/// <summary>
/// PostgreSQL binary COPY of new rows, inside the context's current transaction. The columns, their names and value
/// conversions (enums as text) come from the EF Core model, so the rows are exactly what SaveChanges would insert;
/// computed columns (search_text) and xmin are left to PostgreSQL. Used where SaveChanges is too slow: a 100,000-line
/// movements import (docs/performance.md).
/// </summary>
public static class BulkCopy
{
    public static async Task CopyAsync<T>(AppDbContext db, IReadOnlyCollection<T> rows, CancellationToken cancel = default)
        where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties()
            .Where(p => p.GetComputedColumnSql() is null && !p.IsConcurrencyToken && p.GetColumnName(table) is not null)
            .Select(p => (Property: p, Name: p.GetColumnName(table)!, Mapping: p.GetRelationalTypeMapping()))
            .Select(c => (c.Property, c.Name, c.Mapping, DataType: BaseType(c.Mapping.StoreType)))
            .ToList();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var sql = $"COPY {Quote(table.Schema ?? "public")}.{Quote(table.Name)} ({string.Join(", ", columns.Select(c => Quote(c.Name)))}) FROM STDIN (FORMAT BINARY)";
        await using var importer = await connection.BeginBinaryImportAsync(sql, cancel);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(cancel);
            foreach (var (property, _, mapping, dataType) in columns)
            {
                var value = property.GetGetter().GetClrValue(row);
                if (value is not null && mapping.Converter is { } converter)
                {
                    value = converter.ConvertToProvider(value);
                }
                if (value is null)
                {
                    await importer.WriteNullAsync(cancel);
                }
                else
                {
                    await importer.WriteAsync(value, dataType, cancel);
                }
            }
        }
        await importer.CompleteAsync(cancel);
    }

    /// <summary>« character varying(20) » → « character varying »: COPY takes the type, not its length.</summary>
    private static string BaseType(string storeType)
    {
        var paren = storeType.IndexOf('(');
        return paren < 0 ? storeType : storeType[..paren] + storeType[(storeType.IndexOf(')') + 1)..];
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";
}
