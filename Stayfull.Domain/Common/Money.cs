using System.Globalization;

namespace Stayfull.Domain.Common;

/// <summary>An amount in the currency's minor units (cents) with its ISO 4217 code. Never a double.</summary>
public readonly record struct Money(long Minor, string Currency)
{
    public static Money Zero(string currency) => new(0, currency);

    public static Money operator +(Money left, Money right) => new(checked(left.Minor + Same(left, right).Minor), left.Currency);

    public static Money operator -(Money left, Money right) => new(checked(left.Minor - Same(left, right).Minor), left.Currency);

    public Money Add(Money other) => this + other;

    public Money Subtract(Money other) => this - other;

    public bool IsZero => Minor == 0;

    /// <summary>Decimal major units, for display and input only.</summary>
    public decimal Major => Minor / (decimal)MinorPerMajor(Currency);

    public static Money FromMajor(decimal major, string currency) =>
        new((long)decimal.Round(major * MinorPerMajor(currency), MidpointRounding.AwayFromZero), currency);

    /// <summary>Applies a percentage adjustment, rounding half away from zero to the minor unit.</summary>
    public Money AdjustByPercent(decimal percent) =>
        new((long)decimal.Round(Minor * (100m + percent) / 100m, MidpointRounding.AwayFromZero), Currency);

    public string Format(CultureInfo culture)
    {
        var format = (NumberFormatInfo)culture.NumberFormat.Clone();
        format.CurrencySymbol = CurrencySymbols.For(Currency);
        format.CurrencyDecimalDigits = DigitsOf(Currency);
        return Major.ToString("C", format);
    }

    public override string ToString() => Format(CultureInfo.CurrentCulture);

    private static Money Same(Money left, Money right) =>
        string.Equals(left.Currency, right.Currency, StringComparison.Ordinal)
            ? right
            : throw new InvalidOperationException($"Cannot combine {left.Currency} with {right.Currency}.");

    private static int DigitsOf(string currency) => currency switch
    {
        "JPY" or "KRW" or "ISK" or "CLP" or "VND" => 0,
        "BHD" or "KWD" or "OMR" or "JOD" or "TND" => 3,
        _ => 2,
    };

    private static long MinorPerMajor(string currency) => DigitsOf(currency) switch
    {
        0 => 1,
        3 => 1000,
        _ => 100,
    };
}
