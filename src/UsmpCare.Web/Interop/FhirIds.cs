using System.Security.Cryptography;
using System.Text;

namespace UsmpCare.Web.Interop;

/// <summary>
/// The ids of a summary's resources, derived from our own ids (a name-based UUID, RFC 9562 version 5): the same
/// allergy, problem or prescription line has the same id from one export to the next, so a receiver can reconcile two
/// summaries; and our database ids themselves never leave.
/// </summary>
public static class FhirIds
{
    /// <summary>UsmpCare's namespace for its FHIR ids: changing it would break every receiver's reconciliation.</summary>
    private static readonly Guid Namespace = new("5d0c6f4e-2b1a-4f43-9c36-7c2f1a9b8e10");

    /// <summary>The id of the resource of type <paramref name="resourceType"/> made from our <paramref name="id"/>.</summary>
    public static Guid Of(string resourceType, Guid id, string? part = null)
    {
        var name = Encoding.UTF8.GetBytes($"{resourceType}/{id:D}{(part is null ? "" : "/" + part)}");
        var input = new byte[16 + name.Length];
        Namespace.TryWriteBytes(input, bigEndian: true, out _);
        name.CopyTo(input, 16);
        var hash = SHA1.HashData(input);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }

    public static string Urn(Guid id) => "urn:uuid:" + id.ToString("D");
}
