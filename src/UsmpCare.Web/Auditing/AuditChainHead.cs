namespace UsmpCare.Web.Auditing;

/// <summary>
/// The chain's last row, its id and seal, in a one-row table that <see cref="AuditTrail"/> updates in the same
/// transaction and under the same lock as the rows it appends. Finding where to chain on then costs one row read,
/// however many monthly partitions the trail has (ADR 0013). It is a shortcut, never evidence: verification walks the
/// rows themselves and compares the head with the last one.
/// </summary>
public sealed class AuditChainHead
{
    /// <summary>Always true: the key that keeps the table to one row.</summary>
    public bool Singleton { get; set; } = true;

    /// <summary>The last row's id; 0 while the trail is empty.</summary>
    public long Id { get; set; }

    /// <summary>The last row's seal; empty while the trail is empty.</summary>
    public string Hash { get; set; } = "";
}
