using System.Globalization;
using Stayfull.Domain.Common;
using Stayfull.Domain.Rates;

namespace Stayfull.Domain.Tests.Common;

public sealed class MoneyTests
{
    [Fact]
    public void AmountsOfOneCurrencyAddAndSubtractInMinorUnits()
    {
        var a = new Money(1999, "EUR");
        var b = new Money(1, "EUR");

        Assert.Equal(new Money(2000, "EUR"), a + b);
        Assert.Equal(new Money(1998, "EUR"), a - b);
        Assert.Equal(a + b, a.Add(b));
        Assert.Equal(new Money(-1, "EUR"), Money.Zero("EUR").Subtract(b));
    }

    [Fact]
    public void CombiningTwoCurrenciesIsRefused()
    {
        var euros = new Money(100, "EUR");
        var dollars = new Money(100, "USD");

        var refusal = Assert.Throws<InvalidOperationException>(() => euros + dollars);
        Assert.Throws<InvalidOperationException>(() => euros - dollars);

        Assert.Contains("EUR", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("USD", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OverflowIsAnErrorNotAWrapAround()
    {
        Assert.Throws<OverflowException>(() => new Money(long.MaxValue, "EUR") + new Money(1, "EUR"));
    }

    [Theory]
    [InlineData(12.345, "EUR", 1235)]
    [InlineData(12.344, "EUR", 1234)]
    [InlineData(-0.005, "EUR", -1)]
    [InlineData(1500, "JPY", 1500)]
    [InlineData(1.2345, "KWD", 1235)]
    public void FromMajorRoundsHalfAwayFromZeroToTheCurrencysMinorUnit(double major, string currency, long minor)
    {
        Assert.Equal(new Money(minor, currency), Money.FromMajor((decimal)major, currency));
    }

    [Theory]
    [InlineData(12345, "EUR", 123.45)]
    [InlineData(1500, "JPY", 1500)]
    [InlineData(1235, "KWD", 1.235)]
    public void MajorDividesByTheCurrencysMinorUnits(long minor, string currency, double major)
    {
        Assert.Equal((decimal)major, new Money(minor, currency).Major);
    }

    [Theory]
    [InlineData(12345, -10, 11111)]
    [InlineData(10005, -10, 9005)]
    [InlineData(10000, 0, 10000)]
    [InlineData(999, 15, 1149)]
    [InlineData(1, -50, 1)]
    public void PercentAdjustmentRoundsHalfAwayFromZero(long minor, int percent, long adjusted)
    {
        Assert.Equal(adjusted, new Money(minor, "EUR").AdjustByPercent(percent).Minor);
        Assert.Equal(adjusted, new RatePlan(Guid.NewGuid(), "P", "Plan", percent, isDefault: false).PriceOf(minor));
    }

    [Fact]
    public void FormatUsesTheCurrencySymbolAndDigits()
    {
        Assert.Equal("€1,234.56", new Money(123456, "EUR").Format(CultureInfo.InvariantCulture));
        Assert.Equal("¥1,500", new Money(1500, "JPY").Format(CultureInfo.InvariantCulture));
        Assert.Equal("SEK 10.00", new Money(1000, "SEK").Format(CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(-91)]
    [InlineData(501)]
    public void RatePlanAdjustmentOutsideItsRangeIsRefused(int percent)
    {
        Assert.Throws<ValidationException>(() => new RatePlan(Guid.NewGuid(), "P", "Plan", percent, isDefault: false));
    }
}
