import { feeText, form, ID_DOC, PROXY, vnd, type SampleArea } from './types.js';

const REG_FEES = [
  vnd('Lệ phí đăng ký doanh nghiệp (nộp trực tiếp; miễn khi nộp trực tuyến)', 50_000),
  vnd('Phí công bố nội dung đăng ký doanh nghiệp', 100_000),
];
const NOTICE_FEES = [vnd('Phí công bố nội dung đăng ký doanh nghiệp', 100_000)];
const HKD_FEE = feeText('Lệ phí', 'Theo mức do Hội đồng nhân dân tỉnh quy định (thường 100.000 đồng)');
const CERT = 'Bản sao giấy tờ pháp lý của cá nhân là người đại diện theo pháp luật';
const LIST = 'Danh sách thành viên hoặc cổ đông sáng lập (theo mẫu)';

const company = (
  kind: string,
  extra: string[],
): { n: string; d: number; f: typeof REG_FEES; docs: string[] } => ({
  n: `Đăng ký thành lập ${kind}`,
  d: 3,
  f: REG_FEES,
  docs: [form('Giấy đề nghị đăng ký doanh nghiệp'), ...extra, CERT, PROXY],
});

const change = (
  what: string,
  docs: string[],
  fees = REG_FEES,
): { n: string; d: number; f: typeof REG_FEES; docs: string[] } => ({
  n: what,
  d: 3,
  f: fees,
  docs: [form('Giấy đề nghị hoặc Thông báo thay đổi nội dung đăng ký doanh nghiệp'), ...docs, PROXY],
});

export const business: SampleArea[] = [
  {
    areaId: 'kh-dkkd',
    departmentId: 'skhdt',
    level: 'province',
    procedures: [
      { ...company('doanh nghiệp tư nhân', []), s: ['mở doanh nghiệp tư nhân'] },
      {
        ...company('công ty trách nhiệm hữu hạn một thành viên', ['Điều lệ công ty']),
        s: ['mở công ty TNHH', 'thành lập công ty TNHH'],
      },
      company('công ty trách nhiệm hữu hạn hai thành viên trở lên', ['Điều lệ công ty', LIST]),
      { ...company('công ty cổ phần', ['Điều lệ công ty', LIST]), s: ['mở công ty cổ phần'] },
      company('công ty hợp danh', ['Điều lệ công ty', 'Danh sách thành viên công ty hợp danh']),
      change('Đăng ký thay đổi địa chỉ trụ sở chính của doanh nghiệp', [
        'Nghị quyết, quyết định của chủ sở hữu hoặc Hội đồng thành viên, Đại hội đồng cổ đông',
      ]),
      change('Đăng ký đổi tên doanh nghiệp', ['Nghị quyết, quyết định về việc đổi tên doanh nghiệp']),
      change(
        'Đăng ký thay đổi người đại diện theo pháp luật của công ty trách nhiệm hữu hạn, công ty cổ phần',
        ['Nghị quyết, quyết định về việc thay đổi người đại diện theo pháp luật', CERT],
      ),
      change('Đăng ký thay đổi vốn điều lệ, phần vốn góp, tỷ lệ phần vốn góp', [
        'Nghị quyết, quyết định về việc thay đổi vốn điều lệ',
        'Danh sách thành viên sau khi thay đổi',
      ]),
      change('Đăng ký thay đổi thành viên công ty trách nhiệm hữu hạn hai thành viên trở lên', [
        'Hợp đồng chuyển nhượng hoặc giấy tờ chứng minh hoàn tất chuyển nhượng',
        'Danh sách thành viên sau khi thay đổi',
      ]),
      change('Đăng ký thay đổi chủ sở hữu công ty trách nhiệm hữu hạn một thành viên', [
        'Hợp đồng chuyển nhượng phần vốn góp',
        'Điều lệ công ty sửa đổi, bổ sung',
      ]),
      change(
        'Thông báo thay đổi ngành, nghề kinh doanh',
        ['Nghị quyết, quyết định về việc thay đổi ngành, nghề kinh doanh'],
        NOTICE_FEES,
      ),
      change(
        'Thông báo thay đổi thông tin cổ đông sáng lập, cổ đông là nhà đầu tư nước ngoài',
        ['Danh sách cổ đông sau khi thay đổi'],
        NOTICE_FEES,
      ),
      {
        n: 'Đăng ký hoạt động chi nhánh, văn phòng đại diện của doanh nghiệp',
        d: 3,
        f: [vnd('Lệ phí (nộp trực tiếp)', 50_000)],
        docs: [
          form('Thông báo về việc đăng ký hoạt động chi nhánh, văn phòng đại diện'),
          'Bản sao quyết định thành lập và biên bản họp về việc thành lập',
          PROXY,
        ],
      },
      {
        n: 'Thông báo lập địa điểm kinh doanh',
        d: 3,
        f: [],
        docs: [form('Thông báo lập địa điểm kinh doanh'), PROXY],
      },
      {
        n: 'Thông báo tạm ngừng kinh doanh, tiếp tục kinh doanh trước thời hạn đã thông báo',
        d: 3,
        f: [],
        docs: [
          form('Thông báo tạm ngừng kinh doanh'),
          'Nghị quyết, quyết định của chủ sở hữu hoặc Hội đồng thành viên, Đại hội đồng cổ đông',
          PROXY,
        ],
        s: ['tạm dừng kinh doanh công ty'],
      },
      {
        n: 'Giải thể doanh nghiệp',
        d: 5,
        f: [],
        docs: [
          form('Thông báo về việc giải thể doanh nghiệp'),
          'Báo cáo thanh lý tài sản doanh nghiệp',
          'Danh sách chủ nợ và số nợ đã thanh toán',
          PROXY,
        ],
        s: ['đóng cửa công ty'],
      },
      {
        n: 'Chấm dứt hoạt động chi nhánh, văn phòng đại diện, địa điểm kinh doanh',
        d: 3,
        f: [],
        docs: [form('Thông báo chấm dứt hoạt động'), 'Quyết định về việc chấm dứt hoạt động', PROXY],
      },
      {
        n: 'Cấp lại Giấy chứng nhận đăng ký doanh nghiệp',
        d: 3,
        f: [vnd('Lệ phí (nộp trực tiếp)', 50_000)],
        docs: [form('Giấy đề nghị cấp lại Giấy chứng nhận đăng ký doanh nghiệp'), PROXY],
        s: ['mất giấy phép kinh doanh'],
      },
      change('Chuyển đổi công ty trách nhiệm hữu hạn một thành viên thành công ty cổ phần', [
        'Điều lệ công ty chuyển đổi',
        LIST,
        'Nghị quyết, quyết định về việc chuyển đổi',
      ]),
      change('Chuyển đổi doanh nghiệp tư nhân thành công ty trách nhiệm hữu hạn', [
        'Điều lệ công ty chuyển đổi',
        'Danh sách thành viên',
        'Văn bản cam kết của chủ doanh nghiệp tư nhân về các khoản nợ',
      ]),
      {
        n: 'Đăng ký thành lập hộ kinh doanh',
        d: 3,
        lv: 'district',
        f: [HKD_FEE],
        docs: [
          form('Giấy đề nghị đăng ký hộ kinh doanh'),
          'Bản sao giấy tờ pháp lý của chủ hộ kinh doanh',
          'Biên bản họp thành viên hộ gia đình về việc thành lập (nếu các thành viên cùng đăng ký)',
        ],
        s: ['giấy phép kinh doanh hộ cá thể', 'mở cửa hàng', 'đăng ký kinh doanh cá thể'],
      },
      {
        n: 'Đăng ký thay đổi nội dung đăng ký hộ kinh doanh',
        d: 3,
        lv: 'district',
        f: [HKD_FEE],
        docs: [
          form('Thông báo thay đổi nội dung đăng ký hộ kinh doanh'),
          'Bản sao giấy tờ pháp lý của chủ hộ (nếu thay đổi chủ hộ)',
        ],
      },
      {
        n: 'Tạm ngừng hoạt động hộ kinh doanh, tiếp tục kinh doanh trước thời hạn đã thông báo',
        d: 3,
        lv: 'district',
        f: [],
        docs: [form('Thông báo tạm ngừng hoạt động hộ kinh doanh'), PROXY],
      },
      {
        n: 'Chấm dứt hoạt động hộ kinh doanh',
        d: 3,
        lv: 'district',
        f: [],
        docs: [
          form('Thông báo chấm dứt hoạt động hộ kinh doanh'),
          'Thông báo của cơ quan thuế về việc đã hoàn thành nghĩa vụ thuế',
          'Bản gốc Giấy chứng nhận đăng ký hộ kinh doanh',
        ],
      },
      {
        n: 'Cấp lại Giấy chứng nhận đăng ký hộ kinh doanh',
        d: 3,
        lv: 'district',
        f: [HKD_FEE],
        docs: [form('Giấy đề nghị cấp lại Giấy chứng nhận đăng ký hộ kinh doanh'), ID_DOC],
      },
      {
        n: 'Đăng ký thành lập hợp tác xã',
        d: 3,
        lv: 'district',
        f: [vnd('Lệ phí', 100_000)],
        docs: [
          form('Giấy đề nghị đăng ký hợp tác xã'),
          'Điều lệ hợp tác xã',
          'Phương án sản xuất, kinh doanh',
          'Danh sách thành viên, Nghị quyết hội nghị thành lập',
        ],
      },
      {
        n: 'Đăng ký thay đổi nội dung đăng ký hợp tác xã',
        d: 3,
        lv: 'district',
        f: [vnd('Lệ phí', 50_000)],
        docs: [form('Giấy đề nghị đăng ký thay đổi'), 'Nghị quyết của Đại hội thành viên về việc thay đổi'],
      },
      {
        n: 'Giải thể tự nguyện hợp tác xã',
        d: 5,
        lv: 'district',
        f: [],
        docs: [
          form('Thông báo về việc giải thể'),
          'Nghị quyết của Đại hội thành viên về việc giải thể',
          'Bản gốc Giấy chứng nhận đăng ký hợp tác xã',
        ],
      },
    ],
  },
  {
    areaId: 'kh-dautu',
    departmentId: 'skhdt',
    level: 'province',
    procedures: [
      {
        n: 'Cấp Giấy chứng nhận đăng ký đầu tư đối với dự án không thuộc diện chấp thuận chủ trương đầu tư',
        d: 15,
        f: [],
        docs: [
          form('Văn bản đề nghị thực hiện dự án đầu tư'),
          'Đề xuất dự án đầu tư',
          'Tài liệu chứng minh năng lực tài chính của nhà đầu tư',
          'Bản sao giấy tờ pháp lý của nhà đầu tư',
        ],
        s: ['giấy phép đầu tư', 'IRC'],
      },
      {
        n: 'Điều chỉnh Giấy chứng nhận đăng ký đầu tư',
        d: 10,
        f: [],
        docs: [
          form('Văn bản đề nghị điều chỉnh'),
          'Báo cáo tình hình triển khai dự án đầu tư đến thời điểm điều chỉnh',
          'Quyết định của nhà đầu tư về việc điều chỉnh',
        ],
      },
      {
        n: 'Chấp thuận chủ trương đầu tư của Ủy ban nhân dân cấp tỉnh',
        d: 35,
        f: [],
        docs: [
          form('Văn bản đề nghị thực hiện dự án đầu tư'),
          'Đề xuất dự án đầu tư',
          'Tài liệu chứng minh năng lực tài chính',
          'Đề xuất nhu cầu sử dụng đất hoặc bản sao giấy tờ về quyền sử dụng đất',
        ],
      },
      {
        n: 'Điều chỉnh dự án đầu tư thuộc thẩm quyền chấp thuận chủ trương đầu tư của Ủy ban nhân dân cấp tỉnh',
        d: 25,
        f: [],
        docs: [
          form('Văn bản đề nghị điều chỉnh dự án đầu tư'),
          'Báo cáo tình hình triển khai dự án',
          'Giải trình lý do điều chỉnh',
        ],
      },
      {
        n: 'Cấp lại Giấy chứng nhận đăng ký đầu tư',
        d: 5,
        f: [],
        docs: [form('Văn bản đề nghị cấp lại'), PROXY],
      },
      {
        n: 'Thành lập văn phòng điều hành của nhà đầu tư nước ngoài trong hợp đồng BCC',
        d: 15,
        f: [],
        docs: [
          form('Văn bản đăng ký thành lập văn phòng điều hành'),
          'Quyết định bổ nhiệm trưởng văn phòng điều hành',
          'Bản sao hợp đồng BCC',
        ],
      },
      {
        n: 'Chấm dứt hoạt động dự án đầu tư',
        d: 15,
        f: [],
        docs: [
          form('Thông báo chấm dứt hoạt động dự án đầu tư'),
          'Quyết định của nhà đầu tư về việc chấm dứt',
          'Bản gốc Giấy chứng nhận đăng ký đầu tư',
        ],
      },
      {
        n: 'Ngừng hoạt động của dự án đầu tư',
        d: 15,
        f: [],
        docs: [
          form('Thông báo ngừng hoạt động dự án đầu tư'),
          'Quyết định của nhà đầu tư về việc ngừng hoạt động',
        ],
      },
      {
        n: 'Chuyển nhượng dự án đầu tư',
        d: 15,
        f: [],
        docs: [
          form('Văn bản đề nghị điều chỉnh dự án đầu tư'),
          'Hợp đồng chuyển nhượng dự án đầu tư',
          'Tài liệu chứng minh năng lực tài chính của nhà đầu tư nhận chuyển nhượng',
        ],
      },
      {
        n: 'Góp vốn, mua cổ phần, mua phần vốn góp của nhà đầu tư nước ngoài vào tổ chức kinh tế',
        d: 15,
        f: [],
        docs: [
          form('Văn bản đăng ký góp vốn, mua cổ phần, mua phần vốn góp'),
          'Văn bản thỏa thuận nguyên tắc giữa các bên',
          'Bản sao giấy tờ pháp lý của nhà đầu tư nước ngoài',
        ],
      },
      {
        n: 'Giãn tiến độ thực hiện dự án đầu tư',
        d: 15,
        f: [],
        docs: [
          form('Văn bản đề xuất giãn tiến độ'),
          'Báo cáo tình hình thực hiện dự án và nghĩa vụ tài chính đến thời điểm đề xuất',
        ],
      },
    ],
  },
];
