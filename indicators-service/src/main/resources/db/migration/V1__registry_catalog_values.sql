-- The park registry. Land grows over time; per-mu figures use the land of their period (park_land).
create table park (
    code              varchar(32)   primary key,
    name              varchar(200)  not null,
    level             varchar(32)   not null,
    kind              varchar(32)   not null,
    district          varchar(100)  not null,
    planned_area_km2  numeric(12, 4),
    peer_group        varchar(64)   not null,
    status            varchar(16)   not null default 'ACTIVE',
    version           bigint        not null default 0,
    created_at        timestamptz   not null default now(),
    created_by        varchar(200)  not null,
    updated_at        timestamptz   not null default now()
);

create table park_land (
    park_code          varchar(32)   not null references park (code),
    effective_from     date          not null,
    developed_land_mu  numeric(14, 2) not null check (developed_land_mu > 0),
    primary key (park_code, effective_from)
);

-- The indicator catalog (DOMAIN.md). Values are stored in the canonical unit.
create table indicator (
    code            varchar(64)   primary key,
    name_zh         varchar(100)  not null,
    name_en         varchar(200)  not null,
    unit            varchar(32)   not null,
    kind            varchar(16)   not null check (kind in ('CUMULATIVE', 'STOCK')),
    direction       varchar(16)   not null check (direction in ('HIGHER_BETTER', 'LOWER_BETTER')),
    allow_negative  boolean       not null default false,
    decimals        smallint      not null default 2,
    mandatory       boolean       not null default false,
    status          varchar(16)   not null default 'ACTIVE',
    sort_order      integer       not null
);

insert into indicator (code, name_zh, name_en, unit, kind, direction, allow_negative, decimals, mandatory, sort_order) values
 ('industrial_output',             '工业总产值',         'Gross industrial output',                 '万元',     'CUMULATIVE', 'HIGHER_BETTER', false, 2, true,  10),
 ('above_scale_industrial_output', '规上工业总产值',     'Industrial output above designated size', '万元',     'CUMULATIVE', 'HIGHER_BETTER', false, 2, true,  20),
 ('industrial_value_added',        '工业增加值',         'Industrial value added',                  '万元',     'CUMULATIVE', 'HIGHER_BETTER', false, 2, true,  30),
 ('main_business_revenue',         '主营业务收入',       'Main business revenue',                   '万元',     'CUMULATIVE', 'HIGHER_BETTER', false, 2, true,  40),
 ('total_profit',                  '利润总额',           'Total profit',                            '万元',     'CUMULATIVE', 'HIGHER_BETTER', true,  2, false, 50),
 ('tax_revenue',                   '税收',               'Tax revenue',                             '万元',     'CUMULATIVE', 'HIGHER_BETTER', false, 2, true,  60),
 ('fixed_asset_investment',        '固定资产投资',       'Fixed-asset investment',                  '万元',     'CUMULATIVE', 'HIGHER_BETTER', false, 2, true,  70),
 ('industrial_investment',         '工业投资',           'Industrial investment',                   '万元',     'CUMULATIVE', 'HIGHER_BETTER', false, 2, false, 80),
 ('tech_upgrade_investment',       '技改投资',           'Technical-upgrade investment',            '万元',     'CUMULATIVE', 'HIGHER_BETTER', false, 2, false, 90),
 ('infrastructure_investment',     '基础设施投资',       'Infrastructure investment',               '万元',     'CUMULATIVE', 'HIGHER_BETTER', false, 2, false, 100),
 ('export_value',                  '外贸出口',           'Exports',                                 '万美元',   'CUMULATIVE', 'HIGHER_BETTER', false, 2, false, 110),
 ('foreign_capital_used',          '实际利用外资',       'Foreign capital actually used',           '万美元',   'CUMULATIVE', 'HIGHER_BETTER', false, 2, false, 120),
 ('industrial_electricity',        '工业用电量',         'Industrial electricity consumption',      '万千瓦时', 'CUMULATIVE', 'HIGHER_BETTER', false, 2, false, 130),
 ('energy_consumption',            '综合能耗',           'Comprehensive energy consumption',        '吨标准煤', 'CUMULATIVE', 'LOWER_BETTER',  false, 2, false, 140),
 ('rd_expenditure',                'R&D经费支出',        'R&D expenditure',                         '万元',     'CUMULATIVE', 'HIGHER_BETTER', false, 2, false, 150),
 ('above_scale_enterprises',       '规上企业数',         'Enterprises above designated size',       '家',       'STOCK',      'HIGHER_BETTER', false, 0, true,  160),
 ('high_tech_enterprises',         '高新技术企业数',     'High-tech enterprises',                   '家',       'STOCK',      'HIGHER_BETTER', false, 0, false, 170),
 ('specialized_smes',              '专精特新企业数',     'Specialised and innovative SMEs',         '家',       'STOCK',      'HIGHER_BETTER', false, 0, false, 180),
 ('employees',                     '从业人员',           'Employees',                               '人',       'STOCK',      'HIGHER_BETTER', false, 0, true,  190),
 ('standard_factory_area',         '建成标准厂房面积',   'Standard factory floor area built',       '万平方米', 'STOCK',      'HIGHER_BETTER', false, 2, false, 200),
 ('revitalized_idle_land',         '盘活低效闲置用地',   'Idle or inefficient land revitalised',    '亩',       'CUMULATIVE', 'HIGHER_BETTER', false, 2, false, 210);

-- One value per park, indicator and month, as reported (cumulative ones year to date).
create table indicator_value (
    park_code       varchar(32)    not null references park (code),
    indicator_code  varchar(64)    not null references indicator (code),
    period          char(7)        not null,
    value           numeric(24, 6) not null,
    version         bigint         not null,
    recorded_at     timestamptz    not null,
    recorded_by     varchar(200)   not null,
    source          varchar(16)    not null,
    primary key (park_code, indicator_code, period)
);
create index indicator_value_period on indicator_value (period, indicator_code);
