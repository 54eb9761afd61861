using System.Security.Cryptography;

namespace Stayfull.Domain.Reservations;

/// <summary>Short codes guests can read out on the phone: no 0/O or 1/I to confuse.</summary>
internal static class ConfirmationCodes
{
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static string New() => RandomNumberGenerator.GetString(Alphabet, 8);
}
