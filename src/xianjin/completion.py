"""Shell completion of unit names and rule codes, through click's own completion.

    eval "$(_XIANJIN_COMPLETE=bash_source xianjin)"    # bash; zsh_source, fish_source likewise
"""

from __future__ import annotations

from click.shell_completion import CompletionItem


def complete_unit(ctx, param, incomplete: str) -> list[CompletionItem]:
    from xianjin.campaign import CampaignError, load_campaign

    try:
        campaign = load_campaign(ctx.params.get("campaign_file"))
    except CampaignError:
        return []
    return [CompletionItem(u.名称, help=u.填报单位) for u in campaign.推荐单位 if u.名称.startswith(incomplete)]


def complete_rule(ctx, param, incomplete: str) -> list[CompletionItem]:
    from xianjin.problems import all_rules

    return [CompletionItem(r.code, help=r.title) for r in all_rules() if r.code.startswith(incomplete.upper())]
