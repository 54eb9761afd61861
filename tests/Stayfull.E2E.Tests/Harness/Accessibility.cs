using System.Globalization;
using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Stayfull.E2E.Tests.Harness;

/// <summary>
/// The automated accessibility check (axe-core in the page): a screen passes when axe finds nothing of impact
/// serious or critical. A failure lists every such violation, with its rule, what it asks for and the
/// elements it found, so one run shows all there is to fix.
/// </summary>
public static class Accessibility
{
    private static readonly string[] Blocking = ["serious", "critical"];

    /// <summary>Runs axe on the page as it is now and fails on any serious or critical violation.</summary>
    public static async Task AssertNoSeriousIssuesAsync(this IPage page, string screen)
    {
        var result = await page.RunAxe();
        var blocking = result.Violations.Where(v => Blocking.Contains(v.Impact)).ToList();
        Assert.True(blocking.Count == 0, Describe(screen, blocking));
    }

    private static string Describe(string screen, List<AxeResultItem> violations)
    {
        var text = new StringBuilder($"{violations.Count} serious or critical accessibility issue(s) on {screen}:");
        foreach (var violation in violations)
        {
            text.AppendLine().Append(CultureInfo.InvariantCulture, $"- {violation.Id} ({violation.Impact}): {violation.Help} [{violation.HelpUrl}]");
            foreach (var node in violation.Nodes)
            {
                var checks = node.Any.Concat(node.All).Concat(node.None).Select(c => c.Message);
                text.AppendLine().Append(CultureInfo.InvariantCulture, $"    at {node.Target}: {string.Join("; ", checks)} — {node.Html}");
            }
        }

        return text.ToString();
    }
}
