using Microsoft.EntityFrameworkCore.Diagnostics;

namespace UsmpCare.Web.Infrastructure;

/// <summary>
/// A text longer than its column is refused before it reaches PostgreSQL. Besides sparing a round trip, this keeps
/// the server's « value too long » error (22001) away from auto-prepared statements: Npgsql 10 leaves such a
/// statement corrupt (npgsql/npgsql#6391, open), and the next, valid, save through it on the same pooled connection
/// is written and then fails with « unexpected backend message DataRow » — a 500 for a change that was made.
/// <see cref="DatabaseInputErrors"/> answers it with the same French 400 page as the server's error.
/// </summary>
public sealed class TextLengthGuard : SaveChangesInterceptor
{
    public static readonly TextLengthGuard Instance = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Check(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Check(DbContext? context)
    {
        var tooLong = context?.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified)
            .SelectMany(e => e.Properties)
            .FirstOrDefault(p => p.Metadata.GetMaxLength() is { } max && p.CurrentValue is string text && text.Length > max);
        if (tooLong is not null)
        {
            throw new TextTooLongException(
                $"{tooLong.EntityEntry.Metadata.ShortName()}.{tooLong.Metadata.Name} dépasse {tooLong.Metadata.GetMaxLength()} caractères.");
        }
    }
}

/// <summary>A text longer than its column: bad input, answered with a French 400, never saved.</summary>
public sealed class TextTooLongException(string message) : Exception(message);
