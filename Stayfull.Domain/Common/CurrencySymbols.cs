namespace Stayfull.Domain.Common;

/// <summary>Symbols for the currencies hotels use most; others show their ISO code.</summary>
public static class CurrencySymbols
{
    public static string For(string currency) => currency switch
    {
        "USD" => "$",
        "EUR" => "€",
        "GBP" => "£",
        "JPY" => "¥",
        "CHF" => "CHF ",
        "AUD" => "A$",
        "CAD" => "C$",
        _ => currency + " ",
    };
}
