namespace Stayfull.Domain.Hotels;

public sealed record Address(string Line1, string City, string PostalCode, string CountryCode)
{
    public static Address Empty { get; } = new("", "", "", "");

    public override string ToString() =>
        string.Join(", ", new[] { Line1, PostalCode + " " + City, CountryCode }.Select(s => s.Trim()).Where(s => s.Length > 0));
}
