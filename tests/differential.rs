//! Differential tests: every scenario under tests/scenarios runs once with
//! iproute2's `ip` and once with rnet, each in a fresh sandbox, and every
//! command must print the same stdout and stderr and exit the same way.

mod common;

macro_rules! scenarios {
    ($($name:ident => $file:literal,)*) => {
        $(
            #[test]
            fn $name() {
                common::assert_same_as_ip($file);
            }
        )*
    };
}

scenarios! {
    grammar_global => "grammar/global.sh",
    grammar_batch => "grammar/batch.sh",
    netns_basic => "netns/basic.sh",
    beyond_unchanged => "beyond/unchanged.sh",
    netns_errors => "netns/errors.sh",
    netns_nsid => "netns/nsid.sh",
    netns_exec => "netns/exec.sh",
    netns_identify_pids_attach => "netns/identify_pids_attach.sh",
    netns_shared_with_ip => "netns/shared_with_ip.sh",
    netns_stale => "netns/stale.sh",
    netns_unprivileged => "netns/unprivileged.sh",
    link_show => "link/show.sh",
    link_details_bridge => "link/details_bridge.sh",
    link_details_tunnels => "link/details_tunnels.sh",
    address_show => "address/show.sh",
    address_modify => "address/modify.sh",
    address_errors => "address/errors.sh",
    address_flush => "address/flush.sh",
    address_save => "address/save.sh",
    link_add => "link/add.sh",
    link_set => "link/set.sh",
    link_delete => "link/delete.sh",
    link_errors => "link/errors.sh",
    link_veth_netns => "link/veth_netns.sh",
    link_property => "link/property.sh",
    link_help => "link/help.sh",
    link_batch => "link/batch.sh",
    link_edge => "link/edge.sh",
    rule_show => "rule/show.sh",
    rule_add_del => "rule/add_del.sh",
    rule_errors => "rule/errors.sh",
    rule_flush_save => "rule/flush_save.sh",
    walkthrough => "scripts/walkthrough.sh",
    script_bridge_topology => "scripts/bridge_topology.sh",
    script_cni_veth => "scripts/cni_veth.sh",
    script_multi_address => "scripts/multi_address.sh",
    script_vxlan_overlay => "scripts/vxlan_overlay.sh",
    script_batch_provision => "scripts/batch_provision.sh",
    address_scopes => "address/scopes.sh",
    rule_mrule => "rule/mrule.sh",
    rule_names => "rule/names.sh",
    link_echo => "link/echo.sh",
    link_kinds_absent => "link/kinds_absent.sh",
    link_unprivileged => "link/unprivileged.sh",
    link_prefixes => "link/prefixes.sh",
    link_requests => "link/requests.sh",
    reliability_unprivileged => "reliability/unprivileged.sh",
    reliability_odd_values => "reliability/odd_values.sh",
    reliability_run_dir => "reliability/run_dir.sh",
    nexthop_basic => "nexthop/basic.sh",
    nexthop_groups => "nexthop/groups.sh",
    nexthop_resilient => "nexthop/resilient.sh",
    nexthop_fdb => "nexthop/fdb.sh",
    nexthop_errors => "nexthop/errors.sh",
    nexthop_flush => "nexthop/flush.sh",
    route_add_del => "route/add_del.sh",
    route_replace_append => "route/replace_append.sh",
    route_metrics => "route/metrics.sh",
    route_multipath => "route/multipath.sh",
    route_modify_errors => "route/modify_errors.sh",
    netconf_basic => "netconf/basic.sh",
    netconf_errors => "netconf/errors.sh",
    vrf_basic => "vrf/basic.sh",
    vrf_errors => "vrf/errors.sh",
    mroute_basic => "mroute/basic.sh",
    mroute_errors => "mroute/errors.sh",
    tcpmetrics_basic => "tcpmetrics/basic.sh",
    tcpmetrics_errors => "tcpmetrics/errors.sh",
}
